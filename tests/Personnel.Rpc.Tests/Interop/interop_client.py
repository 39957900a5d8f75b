#!/usr/bin/python3
"""The interop cases, run by Google's C-core gRPC (Debian python3-grpcio) against a Personnel.Rpc server.

Message classes come from a FileDescriptorSet written by the C# test (no generated _pb2 modules, so
the protoc that generated them need not match this python3-protobuf). Each case runs on a channel of
its own. Prints one JSON object: for each case, "ok" or what went wrong.
"""
import argparse
import json
import queue
import sys
import threading
import time
import traceback

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool

from interop_messages import PKG, Messages
SPECIAL_MESSAGE = "\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \U0001f608\t\n"


class Failure(Exception):
    pass


def expect(condition, what):
    if not condition:
        raise Failure(what)


def expect_code(action, code, details=None):
    try:
        action()
    except grpc.RpcError as e:
        expect(e.code() == code, f"expected {code}, got {e.code()}: {e.details()!r}")
        if details is not None:
            expect(e.details() == details, f"expected details {details!r}, got {e.details()!r}")
        return e
    raise Failure(f"expected {code}, but the call succeeded")


class Client:
    """The stubs of one channel. Each case gets a new one (see run_cases)."""

    def __init__(self, channel, m):
        self.m = m
        self.channel = channel
        self.unary_call = self.test("UnaryCall", m.SimpleRequest, m.SimpleResponse)
        self.empty_call = self.test("EmptyCall", m.Empty, m.Empty)
        self.full_duplex = self.stream_stream(
            f"{PKG}.TestService", "FullDuplexCall", m.StreamingOutputCallRequest, m.StreamingOutputCallResponse)

    def unary(self, service, method, req_cls, resp_cls):
        return self.channel.unary_unary(
            f"/{service}/{method}", request_serializer=req_cls.SerializeToString, response_deserializer=resp_cls.FromString)

    def stream_unary(self, method, req_cls, resp_cls):
        return self.channel.stream_unary(
            f"/{PKG}.TestService/{method}", request_serializer=req_cls.SerializeToString, response_deserializer=resp_cls.FromString)

    def unary_stream(self, service, method, req_cls, resp_cls):
        return self.channel.unary_stream(
            f"/{service}/{method}", request_serializer=req_cls.SerializeToString, response_deserializer=resp_cls.FromString)

    def stream_stream(self, service, method, req_cls, resp_cls):
        return self.channel.stream_stream(
            f"/{service}/{method}", request_serializer=req_cls.SerializeToString, response_deserializer=resp_cls.FromString)

    def test(self, method, req, resp):
        return self.unary(f"{PKG}.TestService", method, req, resp)


def payload(m, size):
    return m.Payload(body=b"\0" * size)


def run_cases(target, descriptors):
    m = Messages(descriptors)

    def empty_unary(c):
        expect(c.empty_call(m.Empty(), timeout=10) == m.Empty(), "response is not Empty")

    def large_unary(c):
        r = c.unary_call(m.SimpleRequest(response_size=314159, payload=payload(m, 271828)), timeout=10)
        expect(len(r.payload.body) == 314159, f"response payload is {len(r.payload.body)} bytes")

    def client_streaming(c):
        call = c.stream_unary("StreamingInputCall", m.StreamingInputCallRequest, m.StreamingInputCallResponse)
        sizes = [27182, 8, 1828, 45904]
        r = call(iter([m.StreamingInputCallRequest(payload=payload(m, s)) for s in sizes]), timeout=10)
        expect(r.aggregated_payload_size == 74922, f"aggregated size {r.aggregated_payload_size}")

    def server_streaming(c):
        call = c.unary_stream(f"{PKG}.TestService", "StreamingOutputCall", m.StreamingOutputCallRequest, m.StreamingOutputCallResponse)
        sizes = [31415, 9, 2653, 58979]
        req = m.StreamingOutputCallRequest(response_parameters=[m.ResponseParameters(size=s) for s in sizes])
        got = [len(r.payload.body) for r in call(req, timeout=10)]
        expect(got == sizes, f"sizes {got}")

    def empty_stream(c):
        got = list(c.full_duplex(iter([]), timeout=10))
        expect(got == [], f"{len(got)} responses")

    def status_code_and_message(c):
        status = m.EchoStatus(code=2, message="test status message")
        expect_code(lambda: c.unary_call(m.SimpleRequest(response_status=status), timeout=10),
                    grpc.StatusCode.UNKNOWN, "test status message")
        expect_code(lambda: list(c.full_duplex(iter([m.StreamingOutputCallRequest(response_status=status)]), timeout=10)),
                    grpc.StatusCode.UNKNOWN, "test status message")

    def special_status_message(c):
        status = m.EchoStatus(code=2, message=SPECIAL_MESSAGE)
        e = expect_code(lambda: c.unary_call(m.SimpleRequest(response_status=status), timeout=10), grpc.StatusCode.UNKNOWN)
        expect(e.details().encode("utf-8") == SPECIAL_MESSAGE.encode("utf-8"), f"details {e.details()!r}")

    def unimplemented_method(c):
        call = c.test("UnimplementedCall", m.Empty, m.Empty)
        expect_code(lambda: call(m.Empty(), timeout=10), grpc.StatusCode.UNIMPLEMENTED)

    def unimplemented_service(c):
        call = c.unary(f"{PKG}.UnimplementedService", "UnimplementedCall", m.Empty, m.Empty)
        expect_code(lambda: call(m.Empty(), timeout=10), grpc.StatusCode.UNIMPLEMENTED)

    def timeout_on_sleeping_server(c):
        expect_code(lambda: c.unary_call(m.SimpleRequest(sleep_ms=20000), timeout=0.2), grpc.StatusCode.DEADLINE_EXCEEDED)
        # The interop form: a bidirectional call that outlives a 1 ms deadline.
        pending = queue.Queue()
        pending.put(m.StreamingOutputCallRequest(payload=payload(m, 27182)))

        def requests():
            while True:
                item = pending.get()
                if item is None:
                    return
                yield item

        try:
            expect_code(lambda: list(c.full_duplex(requests(), timeout=0.001)), grpc.StatusCode.DEADLINE_EXCEEDED)
        finally:
            pending.put(None)

    def custom_metadata(c):
        metadata = (("x-grpc-test-echo-initial", "test_initial_metadata_value"),
                    ("x-grpc-test-echo-trailing-bin", b"\xab\xab\xab"))
        _, call = c.unary_call.with_call(m.SimpleRequest(response_size=314159, payload=payload(m, 271828)),
                                       metadata=metadata, timeout=10)
        initial = dict(call.initial_metadata())
        trailing = dict(call.trailing_metadata())
        expect(initial.get("x-grpc-test-echo-initial") == "test_initial_metadata_value", f"initial {initial}")
        expect(trailing.get("x-grpc-test-echo-trailing-bin") == b"\xab\xab\xab", f"trailing {trailing}")
        stream = c.full_duplex(iter([m.StreamingOutputCallRequest(response_parameters=[m.ResponseParameters(size=314159)])]),
                             metadata=metadata, timeout=10)
        sizes = [len(r.payload.body) for r in stream]
        expect(sizes == [314159], f"duplex sizes {sizes}")
        expect(dict(stream.initial_metadata()).get("x-grpc-test-echo-initial") == "test_initial_metadata_value", "duplex initial")
        expect(dict(stream.trailing_metadata()).get("x-grpc-test-echo-trailing-bin") == b"\xab\xab\xab", "duplex trailing")

    def cancel_after_begin(c):
        call = c.stream_unary("StreamingInputCall", m.StreamingInputCallRequest, m.StreamingInputCallResponse)
        release = threading.Event()

        def requests():
            yield m.StreamingInputCallRequest(payload=payload(m, 27182))
            release.wait(10)

        future = call.future(requests(), timeout=10)
        # Let the first message reach the handler, so the cancellation has a running call to end.
        time.sleep(0.3)
        future.cancel()
        release.set()
        expect(future.cancelled(), "future not cancelled")
        expect(future.code() == grpc.StatusCode.CANCELLED, f"code {future.code()}")

    def client_compressed_unary(c):
        req = m.SimpleRequest(response_size=314159, payload=payload(m, 271828), expect_compressed=m.google__protobuf__BoolValue(value=True))
        r = c.unary_call(req, timeout=10, compression=grpc.Compression.Gzip)
        expect(len(r.payload.body) == 314159, "compressed request: wrong response size")
        expect_code(lambda: c.unary_call(req, timeout=10, compression=grpc.Compression.NoCompression), grpc.StatusCode.INVALID_ARGUMENT)

    def server_compressed_unary(c):
        for compressed in (True, False):
            req = m.SimpleRequest(response_size=314159, payload=payload(m, 271828),
                                  response_compressed=m.google__protobuf__BoolValue(value=compressed))
            r = c.unary_call(req, timeout=10)
            expect(len(r.payload.body) == 314159, f"response_compressed={compressed}: wrong response size")

    def health(c):
        check = c.unary("grpc.health.v1.Health", "Check", m.grpc__health__v1__HealthCheckRequest, m.grpc__health__v1__HealthCheckResponse)
        serving = 1
        expect(check(m.grpc__health__v1__HealthCheckRequest(service=""), timeout=10).status == serving, "server not SERVING")
        expect(check(m.grpc__health__v1__HealthCheckRequest(service=f"{PKG}.TestService"), timeout=10).status == serving,
               "TestService not SERVING")
        expect_code(lambda: check(m.grpc__health__v1__HealthCheckRequest(service="no.such.Service"), timeout=10),
                    grpc.StatusCode.NOT_FOUND)
        watch = c.unary_stream("grpc.health.v1.Health", "Watch", m.grpc__health__v1__HealthCheckRequest, m.grpc__health__v1__HealthCheckResponse)
        stream = watch(m.grpc__health__v1__HealthCheckRequest(service=f"{PKG}.TestService"), timeout=10)
        first = next(stream)
        stream.cancel()
        expect(first.status == serving, f"Watch first status {first.status}")
        unknown = watch(m.grpc__health__v1__HealthCheckRequest(service="no.such.Service"), timeout=10)
        first_unknown = next(unknown)
        unknown.cancel()
        expect(first_unknown.status == 3, f"Watch of unknown service: {first_unknown.status}")

    def reflection(version):
        def run(c):
            req_cls = getattr(m, f"grpc__reflection__{version}__ServerReflectionRequest")
            resp_cls = getattr(m, f"grpc__reflection__{version}__ServerReflectionResponse")
            info = c.stream_stream(f"grpc.reflection.{version}.ServerReflection", "ServerReflectionInfo", req_cls, resp_cls)
            responses = list(info(iter([
                req_cls(list_services=""),
                req_cls(file_containing_symbol=f"{PKG}.TestService"),
                req_cls(file_containing_symbol=f"{PKG}.TestService.UnaryCall"),
                req_cls(file_by_filename="grpc/health/v1/health.proto"),
                req_cls(file_containing_symbol="no.such.Symbol"),
            ]), timeout=10))
            expect(len(responses) == 5, f"{len(responses)} responses")
            names = sorted(s.name for s in responses[0].list_services_response.service)
            for wanted in (f"{PKG}.TestService", "grpc.health.v1.Health",
                           "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"):
                expect(wanted in names, f"list_services lacks {wanted}: {names}")
            # A client must be able to rebuild the service from what reflection sent, dependencies included.
            pool = descriptor_pool.DescriptorPool()
            protos = [descriptor_pb2.FileDescriptorProto.FromString(b)
                      for b in responses[1].file_descriptor_response.file_descriptor_proto]
            by_name = {p.name: p for p in protos}
            added = set()

            def add(name):
                if name in added:
                    return
                for dep in by_name[name].dependency:
                    add(dep)
                pool.Add(by_name[name])
                added.add(name)

            for name in by_name:
                add(name)
            service = pool.FindServiceByName(f"{PKG}.TestService")
            expect(service.FindMethodByName("UnaryCall").input_type.full_name == f"{PKG}.SimpleRequest", "UnaryCall input type")
            expect("google/protobuf/wrappers.proto" in by_name, "dependencies missing")
            expect(responses[2].file_descriptor_response.file_descriptor_proto[0] ==
                   responses[1].file_descriptor_response.file_descriptor_proto[0], "method symbol gives another file")
            health_file = descriptor_pb2.FileDescriptorProto.FromString(responses[3].file_descriptor_response.file_descriptor_proto[0])
            expect(health_file.package == "grpc.health.v1", f"file_by_filename gave {health_file.name}")
            expect(responses[4].error_response.error_code == 5, f"unknown symbol: {responses[4]}")
        return run

    cases = {
        "empty_unary": empty_unary,
        "large_unary": large_unary,
        "client_streaming": client_streaming,
        "server_streaming": server_streaming,
        "empty_stream": empty_stream,
        "status_code_and_message": status_code_and_message,
        "special_status_message": special_status_message,
        "unimplemented_method": unimplemented_method,
        "unimplemented_service": unimplemented_service,
        "timeout_on_sleeping_server": timeout_on_sleeping_server,
        "custom_metadata": custom_metadata,
        "cancel_after_begin": cancel_after_begin,
        "client_compressed_unary": client_compressed_unary,
        "server_compressed_unary": server_compressed_unary,
        "health": health,
        "reflection_v1": reflection("v1"),
        "reflection_v1alpha": reflection("v1alpha"),
    }
    results = {}
    for name, case in cases.items():
        # Each case on a channel and a connection of its own, as the grpc interop runner starts a client
        # per case: C core 1.51 can reset a stream it never opened when a 1 ms deadline fires
        # (timeout_on_sleeping_server), the server must then end the connection (RFC 9113 6.4), and a
        # shared connection would fail the next case's calls with UNAVAILABLE "GOAWAY received". A local
        # subchannel pool keeps a new channel from picking up the connection of the one just closed.
        channel = grpc.insecure_channel(target, options=[("grpc.use_local_subchannel_pool", 1)])
        try:
            grpc.channel_ready_future(channel).result(timeout=10)
            case(Client(channel, m))
            results[name] = "ok"
        except Failure as f:
            results[name] = f"failed: {f}"
        except Exception:
            results[name] = "error: " + traceback.format_exc(limit=3)
        finally:
            channel.close()
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", required=True)
    parser.add_argument("--descriptors", required=True)
    args = parser.parse_args()
    print(json.dumps(run_cases(args.target, args.descriptors)))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
