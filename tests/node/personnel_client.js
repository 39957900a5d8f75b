'use strict';
// A grpc-js client of the personnel.v1 API, built from nothing but protos/ (and googleapis' protos as
// Google.Api.CommonProtos ships them). It appoints one person, reads their post level, and decodes a refusal's
// status details. Every line it prints is checked by tests/Personnel.Client.Tests/NodeClientTests.cs.
//
// usage: node personnel_client.js --server 127.0.0.1:5000 --key KEY --protos DIR --include DIR
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const protobuf = require('protobufjs');

function args() {
  const out = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    out[argv[i].replace(/^--/, '')] = argv[i + 1];
  }
  return out;
}

const options = args();
const includeDirs = [options.protos, options.include];
const definition = protoLoader.loadSync(
  ['personnel/v1/employee.proto', 'personnel/v1/department.proto'],
  { includeDirs, keepCase: true, enums: String, longs: Number, defaults: false },
);
const v1 = grpc.loadPackageDefinition(definition).personnel.v1;
const credentials = grpc.credentials.createInsecure();
const employees = new v1.EmployeeService(options.server, credentials);
const departments = new v1.DepartmentService(options.server, credentials);
const metadata = new grpc.Metadata();
metadata.add('authorization', 'Bearer ' + options.key);

function call(client, method, request) {
  return new Promise((resolve, reject) => {
    client[method](request, metadata, { deadline: new Date(Date.now() + 30000) }, (err, response) => (err ? reject(err) : resolve(response)));
  });
}

// google.rpc.Status and ErrorInfo, to read a refusal's grpc-status-details-bin.
const root = new protobuf.Root();
root.resolvePath = (origin, target) => {
  for (const dir of includeDirs) {
    const candidate = path.join(dir, target);
    if (require('fs').existsSync(candidate)) {
      return candidate;
    }
  }
  return protobuf.util.path.resolve(origin, target);
};
root.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto']);
const Status = root.lookupType('google.rpc.Status');
const ErrorInfo = root.lookupType('google.rpc.ErrorInfo');

function errorInfo(err) {
  const raw = err.metadata && err.metadata.get('grpc-status-details-bin')[0];
  if (!raw) {
    return 'none';
  }
  const status = Status.decode(raw);
  const detail = status.details.find((d) => d.type_url.endsWith('/google.rpc.ErrorInfo') || d.typeUrl === 'type.googleapis.com/google.rpc.ErrorInfo');
  if (!detail) {
    return 'no ErrorInfo';
  }
  const info = ErrorInfo.decode(detail.value);
  return `${info.reason} ${info.domain} ${info.metadata.article || '-'}`;
}

async function main() {
  await call(departments, 'CreateDepartment', {
    request_id: 'js-dept', department_id: 'd-js', name: 'Node Works', kind: 'DEPARTMENT_KIND_ZONE_DEPARTMENT',
    created_on: { year: 2024, month: 1, day: 1 },
  });
  console.log('department d-js created');
  await call(employees, 'AppointEmployee', {
    request_id: 'js-appoint-1', employee_id: 'js-1', name: 'Staff One', department_id: 'd-js',
    method: 'APPOINTMENT_METHOD_COMPETITIVE', post_level: { post: 'POST_STAFF', grade_level: 7, step: 3 },
    starts_on: { year: 2026, month: 1, day: 5 }, retirement_on: { year: 2050, month: 6, day: 30 },
    first_competition: true, education: 'EDUCATION_BACHELOR',
  });
  console.log('appointed js-1');
  const level = await call(employees, 'GetPostLevel', { employee_id: 'js-1', as_of: { year: 2026, month: 2, day: 1 } });
  console.log(`post-level js-1 ${level.post_level.post} ${level.post_level.grade_level}/${level.post_level.step}`);
  try {
    await call(employees, 'GetPostLevel', { employee_id: 'js-nobody' });
    console.log('js-nobody answered');
  } catch (err) {
    console.log(`refused js-nobody ${grpc.status[err.code]} ${errorInfo(err)}`);
  }
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
