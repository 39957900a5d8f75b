'use strict';
// A @grpc/grpc-js server of the test service, for Personnel.Rpc's client. Prints {"port": N} once listening.
const { load, args } = require('./interop_common');

const options = args();
const { grpc, pkg } = load(options.modules, options.proto);

const payload = (size) => ({ body: Buffer.alloc(size) });

function echoMetadata(call) {
  const initial = call.metadata.get('x-grpc-test-echo-initial');
  if (initial.length > 0) {
    const m = new grpc.Metadata();
    m.set('x-grpc-test-echo-initial', initial[0]);
    call.sendMetadata(m);
  }
  const trailing = new grpc.Metadata();
  const bin = call.metadata.get('x-grpc-test-echo-trailing-bin');
  if (bin.length > 0) {
    trailing.set('x-grpc-test-echo-trailing-bin', bin[0]);
  }
  return trailing;
}

function statusError(status, trailing) {
  if (status && status.code !== 0) {
    return { code: status.code, details: status.message, metadata: trailing };
  }
  return null;
}

const server = new grpc.Server();
server.addService(pkg.TestService.service, {
  EmptyCall(call, callback) {
    callback(null, {});
  },
  UnaryCall(call, callback) {
    const trailing = echoMetadata(call);
    const request = call.request;
    const finish = () => {
      const error = statusError(request.response_status, trailing);
      if (error) {
        callback(error);
      } else {
        callback(null, { payload: payload(request.response_size) }, trailing);
      }
    };
    if (request.sleep_ms > 0) {
      const timer = setTimeout(finish, request.sleep_ms);
      call.on('cancelled', () => clearTimeout(timer));
    } else {
      finish();
    }
  },
  StreamingOutputCall(call) {
    const trailing = echoMetadata(call);
    for (const p of call.request.response_parameters) {
      call.write({ payload: payload(p.size) });
    }
    const error = statusError(call.request.response_status, trailing);
    if (error) {
      call.emit('error', error);
    } else {
      call.end(trailing);
    }
  },
  StreamingInputCall(call, callback) {
    let total = 0;
    call.on('data', (r) => { total += r.payload ? r.payload.body.length : 0; });
    call.on('end', () => callback(null, { aggregated_payload_size: total }));
  },
  FullDuplexCall(call) {
    const trailing = echoMetadata(call);
    let failed = false;
    call.on('data', (r) => {
      if (failed) {
        return;
      }
      const error = statusError(r.response_status, trailing);
      if (error) {
        failed = true;
        call.emit('error', error);
        return;
      }
      for (const p of r.response_parameters) {
        call.write({ payload: payload(p.size) });
      }
    });
    call.on('end', () => {
      if (!failed) {
        call.end(trailing);
      }
    });
  },
});

server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) {
    process.stderr.write(`bind failed: ${err}\n`);
    process.exit(1);
  }
  process.stdout.write(JSON.stringify({ port }) + '\n');
});

process.stdin.on('end', () => server.tryShutdown(() => process.exit(0)));
process.stdin.resume();
