#!/usr/bin/python3
"""A Python client of the personnel.v1 API, built from nothing but protos/.

Runs with Debian's python3-grpcio (Google's C core) at /usr/bin/python3. The message classes come from a
FileDescriptorSet that protoc compiles from protos/ (the protoc of the Grpc.Tools NuGet package): that
protoc is newer than Debian's python3-protobuf, and the _pb2 modules it writes refuse to load on an older
runtime, while a descriptor set is plain protobuf that every runtime reads.

It records one department's quarter (a Good past the 40 % quota is refused, AS 第八条), then reads post
levels and rotation due dates. Every line it prints is checked by tests/Personnel.Client.Tests.

usage: personnel_client.py --server 127.0.0.1:5000 --key ADMIN_KEY --protos DIR --protoc PATH --include DIR [--include DIR ...]
(the includes: protobuf's well-known types, and googleapis' google/type and google/api, as Google.Api.CommonProtos ships them)
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory


def load_messages(protos, protoc, includes):
    """Compiles protos/ to a descriptor set and returns a function giving the class of a full message name."""
    out = os.path.join(tempfile.mkdtemp(prefix="personnel-py-"), "personnel.pb")
    files = sorted(os.path.join("personnel/v1", f) for f in os.listdir(os.path.join(protos, "personnel/v1")) if f.endswith(".proto"))
    # The status details of a refusal (grpc-status-details-bin): google.rpc.Status holding an ErrorInfo.
    files += ["google/rpc/status.proto", "google/rpc/error_details.proto"]
    subprocess.run([protoc, "-I", protos] + [a for i in includes for a in ("-I", i)] + ["--include_imports", "--descriptor_set_out=" + out] + files,
                   check=True, cwd=protos)
    with open(out, "rb") as f:
        descriptor_set = descriptor_pb2.FileDescriptorSet.FromString(f.read())
    pool = descriptor_pool.DescriptorPool()
    for file_proto in descriptor_set.file:
        pool.Add(file_proto)

    def message(full_name):
        descriptor = pool.FindMessageTypeByName(full_name)
        if hasattr(message_factory, "GetMessageClass"):
            return message_factory.GetMessageClass(descriptor)
        return message_factory.MessageFactory(pool).GetPrototype(descriptor)

    return message


class Api:
    """Unary calls by path, e.g. call("GradingService", "RecordQuarterlyGrade", request)."""

    def __init__(self, channel, key, message):
        self.channel = channel
        self.metadata = (("authorization", "Bearer " + key),)
        self.message = message

    def call(self, service, method, response_type, request):
        stub = self.channel.unary_unary(
            "/personnel.v1.%s/%s" % (service, method),
            request_serializer=lambda m: m.SerializeToString(),
            response_deserializer=self.message("personnel.v1." + response_type).FromString)
        return stub(request, metadata=self.metadata, timeout=30)

    def new(self, type_name, **fields):
        return self.message("personnel.v1." + type_name)(**fields)


def date(message, text):
    year, month, day = (int(p) for p in text.split("-"))
    return message("google.type.Date")(year=year, month=month, day=day)


def error_info(message, error):
    """The reason, domain and article of a refusal, from the google.rpc.Status in its trailers."""
    details = dict(error.trailing_metadata() or ()).get("grpc-status-details-bin")
    if details is None:
        return "none"
    status = message("google.rpc.Status").FromString(details)
    info = message("google.rpc.ErrorInfo")()
    for any_detail in status.details:
        if any_detail.Unpack(info):
            return "%s %s %s" % (info.reason, info.domain, info.metadata.get("article", "-"))
    return "no ErrorInfo"


def reflection_messages():
    """grpc.reflection.v1's list_services request and response, described here: the C core has no reflection client."""
    f = descriptor_pb2.FileDescriptorProto(name="reflection_client.proto", package="reflection_client", syntax="proto3")
    string, message_type = descriptor_pb2.FieldDescriptorProto.TYPE_STRING, descriptor_pb2.FieldDescriptorProto.TYPE_MESSAGE
    optional, repeated = descriptor_pb2.FieldDescriptorProto.LABEL_OPTIONAL, descriptor_pb2.FieldDescriptorProto.LABEL_REPEATED
    request = f.message_type.add(name="Request")
    request.field.add(name="list_services", number=7, type=string, label=optional)
    service = f.message_type.add(name="Service")
    service.field.add(name="name", number=1, type=string, label=optional)
    services = f.message_type.add(name="Services")
    services.field.add(name="service", number=1, type=message_type, label=repeated, type_name=".reflection_client.Service")
    response = f.message_type.add(name="Response")
    response.field.add(name="list_services_response", number=6, type=message_type, label=optional, type_name=".reflection_client.Services")
    pool = descriptor_pool.DescriptorPool()
    pool.Add(f)
    make = message_factory.GetMessageClass if hasattr(message_factory, "GetMessageClass") else message_factory.MessageFactory(pool).GetPrototype
    return make(pool.FindMessageTypeByName("reflection_client.Request")), make(pool.FindMessageTypeByName("reflection_client.Response"))


def show_date(d):
    return "%04d-%02d-%02d" % (d.year, d.month, d.day) if d.year else "-"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--protos", required=True)
    parser.add_argument("--protoc", required=True)
    parser.add_argument("--include", required=True, action="append")
    args = parser.parse_args()

    message = load_messages(os.path.abspath(args.protos), args.protoc, args.include)
    channel = grpc.insecure_channel(args.server)
    api = Api(channel, args.key, message)

    api.call("DepartmentService", "CreateDepartment", "CreateDepartmentResponse", api.new(
        "CreateDepartmentRequest", request_id="py-dept", department_id="d-py", name="Python Works",
        kind="DEPARTMENT_KIND_ZONE_DEPARTMENT", created_on=date(message, "2024-01-01")))
    print("department d-py created")

    head = api.new("AppointEmployeeRequest", request_id="py-appoint-h1", employee_id="py-h1", name="Head One",
                   department_id="d-py", method="APPOINTMENT_METHOD_COMPETITIVE",
                   post_level=api.new("PostLevel", post="POST_DEPARTMENT_HEAD", grade_level=3, step=2),
                   starts_on=date(message, "2026-01-01"), retirement_on=date(message, "2045-06-30"),
                   first_competition=True, administrative_rank="ADMINISTRATIVE_RANK_DIVISION_HEAD",
                   administrative_rank_since=date(message, "2015-01-01"), education="EDUCATION_POSTGRADUATE")
    api.call("EmployeeService", "AppointEmployee", "AppointEmployeeResponse", head)
    staff = ["py-s%d" % i for i in range(1, 6)]
    for i, employee in enumerate(staff, start=1):
        api.call("EmployeeService", "AppointEmployee", "AppointEmployeeResponse", api.new(
            "AppointEmployeeRequest", request_id="py-appoint-" + employee, employee_id=employee, name="Staff %d" % i,
            department_id="d-py", method="APPOINTMENT_METHOD_COMPETITIVE",
            post_level=api.new("PostLevel", post="POST_STAFF", grade_level=6, step=i),
            starts_on=date(message, "2026-01-01"), retirement_on=date(message, "2050-06-30"),
            first_competition=True, education="EDUCATION_BACHELOR"))
    print("appointed 6")

    grades = {"py-s1": "GOOD", "py-s2": "GOOD", "py-s3": "GOOD", "py-s4": "AVERAGE", "py-s5": "POOR"}
    for employee in staff:
        request = api.new("RecordQuarterlyGradeRequest", request_id="py-q1-" + employee, employee_id=employee,
                          year=2026, quarter=1, grade=grades[employee], decided_on=date(message, "2026-04-03"))
        try:
            response = api.call("GradingService", "RecordQuarterlyGrade", "RecordQuarterlyGradeResponse", request)
            print("recorded %s 2026 Q1 %s pay %d%%" % (employee, grades[employee], response.record.pay_percent))
        except grpc.RpcError as error:
            print("refused %s 2026 Q1 %s %s: %s" % (employee, grades[employee], error.code().name, error.details()))
            print("refusal details %s" % error_info(message, error))

    # The same request again records nothing new and answers as the first time did.
    again = api.call("GradingService", "RecordQuarterlyGrade", "RecordQuarterlyGradeResponse", api.new(
        "RecordQuarterlyGradeRequest", request_id="py-q1-py-s1", employee_id="py-s1", year=2026, quarter=1,
        grade="GOOD", decided_on=date(message, "2026-04-03")))
    print("retry py-s1 pay %d%%" % again.record.pay_percent)

    for employee in ["py-h1"] + staff[:2]:
        level = api.call("EmployeeService", "GetPostLevel", "GetPostLevelResponse", api.new(
            "GetPostLevelRequest", employee_id=employee, as_of=date(message, "2026-05-01")))
        post = level.post_level.DESCRIPTOR.fields_by_name["post"].enum_type.values_by_number[level.post_level.post].name
        print("post-level %s %s %d/%d" % (employee, post, level.post_level.grade_level, level.post_level.step))

    # City rank 4th: leadership adjustment, so the head's rotation is mandatory now (AM 第十七条, 第十二条).
    assessment = api.call("DepartmentService", "RecordDepartmentAssessment", "RecordDepartmentAssessmentResponse", api.new(
        "RecordDepartmentAssessmentRequest", request_id="py-assess-2025", department_id="d-py", year=2025,
        tier="DEPARTMENT_TIER_2", city_rank=4, city_group_size=4, decided_on=date(message, "2026-01-15")))
    print("assessed d-py 2025 yellow_card=%s leadership_adjustment=%s" % (assessment.yellow_card, assessment.leadership_adjustment))

    # The head's employee record learns of the adjustment through the department's outbox, just after the
    # department's commit (a department never waits on an employee): ask until it shows, for at most 10 s.
    deadline = time.monotonic() + 10
    while True:
        due = api.call("RotationService", "ListRotationDue", "ListRotationDueResponse", api.new(
            "ListRotationDueRequest", as_of=date(message, "2026-05-01"), department_id="d-py"))
        if due.entries or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    for entry in due.entries:
        strength = entry.DESCRIPTOR.fields_by_name["strength"].enum_type.values_by_number[entry.strength].name
        print("rotation-due %s %s %s" % (entry.employee_id, show_date(entry.due_on), strength))
    print("rotation-due count %d" % len(due.entries))

    try:
        api.call("EmployeeService", "GetPostLevel", "GetPostLevelResponse", api.new("GetPostLevelRequest", employee_id="nobody"))
    except grpc.RpcError as error:
        print("unknown employee %s" % error.code().name)

    # Health and reflection answer without a key, as generic tools expect. HealthCheckResponse: status = 1 (SERVING).
    check = channel.unary_unary("/grpc.health.v1.Health/Check", request_serializer=None, response_deserializer=None)
    print("health %s" % ("SERVING" if check(b"", timeout=10) == b"\x08\x01" else "not serving"))
    request_type, response_type = reflection_messages()
    info = channel.stream_stream("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
                                 request_serializer=lambda m: m.SerializeToString(), response_deserializer=response_type.FromString)
    answer = next(info(iter([request_type(list_services="*")]), timeout=10))  # any value: proto3 sends no empty string
    names = sorted(s.name for s in answer.list_services_response.service if s.name.startswith("personnel.v1."))
    print("reflection %s" % " ".join(names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
