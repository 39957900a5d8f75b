'use strict';
// The interop cases, run by @grpc/grpc-js against a Personnel.Rpc server. Prints one JSON object:
// for each case, "ok" or what went wrong.
const { load, args } = require('./interop_common');

const options = args();
const { grpc, pkg } = load(options.modules, options.proto);
const target = options.target;
const SPECIAL = '\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \u{1f608}\t\n';

const client = new pkg.TestService(target, grpc.credentials.createInsecure());
const gzipClient = new pkg.TestService(target, grpc.credentials.createInsecure(), {
  'grpc.default_compression_algorithm': 2,
});
const unimplementedService = new pkg.UnimplementedService(target, grpc.credentials.createInsecure());

function deadline(ms) {
  return new Date(Date.now() + ms);
}

function expect(condition, what) {
  if (!condition) {
    throw new Error(what);
  }
}

function unary(c, method, request, metadata = new grpc.Metadata(), opts = { deadline: deadline(10000) }) {
  return new Promise((resolve, reject) => {
    let initial = null;
    const call = c[method](request, metadata, opts, (err, response) => {
      if (err) {
        reject(err);
      } else {
        resolve({ response, initial, call });
      }
    });
    call.on('metadata', (m) => { initial = m; });
    call.on('status', (s) => { call.finalStatus = s; });
  });
}

async function expectCode(promise, code, details) {
  try {
    await promise;
  } catch (err) {
    expect(err.code === code, `expected code ${code}, got ${err.code}: ${JSON.stringify(err.details)}`);
    if (details !== undefined) {
      expect(err.details === details, `expected details ${JSON.stringify(details)}, got ${JSON.stringify(err.details)}`);
    }
    return err;
  }
  throw new Error(`expected code ${code}, but the call succeeded`);
}

function collect(call) {
  return new Promise((resolve, reject) => {
    const messages = [];
    let initial = null;
    let status = null;
    call.on('metadata', (m) => { initial = m; });
    call.on('data', (m) => messages.push(m));
    call.on('status', (s) => { status = s; });
    call.on('error', reject);
    call.on('end', () => setImmediate(() => resolve({ messages, initial, status })));
  });
}

const payload = (size) => ({ body: Buffer.alloc(size) });

const cases = {
  async empty_unary() {
    const { response } = await unary(client, 'EmptyCall', {});
    expect(Object.keys(response).length === 0, 'response is not empty');
  },
  async large_unary() {
    const { response } = await unary(client, 'UnaryCall', { response_size: 314159, payload: payload(271828) });
    expect(response.payload.body.length === 314159, `payload ${response.payload.body.length}`);
  },
  async client_streaming() {
    const response = await new Promise((resolve, reject) => {
      const call = client.StreamingInputCall({ deadline: deadline(10000) }, (err, r) => (err ? reject(err) : resolve(r)));
      for (const size of [27182, 8, 1828, 45904]) {
        call.write({ payload: payload(size) });
      }
      call.end();
    });
    expect(response.aggregated_payload_size === 74922, `aggregated ${response.aggregated_payload_size}`);
  },
  async server_streaming() {
    const sizes = [31415, 9, 2653, 58979];
    const call = client.StreamingOutputCall({ response_parameters: sizes.map((size) => ({ size })) }, { deadline: deadline(10000) });
    const { messages } = await collect(call);
    const got = messages.map((m) => m.payload.body.length);
    expect(JSON.stringify(got) === JSON.stringify(sizes), `sizes ${got}`);
  },
  async empty_stream() {
    const call = client.FullDuplexCall({ deadline: deadline(10000) });
    call.end();
    const { messages } = await collect(call);
    expect(messages.length === 0, `${messages.length} responses`);
  },
  async status_code_and_message() {
    const status = { code: 2, message: 'test status message' };
    await expectCode(unary(client, 'UnaryCall', { response_status: status }), 2, 'test status message');
    const call = client.FullDuplexCall({ deadline: deadline(10000) });
    call.write({ response_status: status });
    call.end();
    await expectCode(collect(call), 2, 'test status message');
  },
  async special_status_message() {
    const err = await expectCode(unary(client, 'UnaryCall', { response_status: { code: 2, message: SPECIAL } }), 2);
    expect(Buffer.from(err.details, 'utf8').equals(Buffer.from(SPECIAL, 'utf8')), `details ${JSON.stringify(err.details)}`);
  },
  async unimplemented_method() {
    await expectCode(unary(client, 'UnimplementedCall', {}), grpc.status.UNIMPLEMENTED);
  },
  async unimplemented_service() {
    await expectCode(unary(unimplementedService, 'UnimplementedCall', {}), grpc.status.UNIMPLEMENTED);
  },
  async timeout_on_sleeping_server() {
    await expectCode(unary(client, 'UnaryCall', { sleep_ms: 20000 }, new grpc.Metadata(), { deadline: deadline(200) }),
      grpc.status.DEADLINE_EXCEEDED);
    const call = client.FullDuplexCall({ deadline: deadline(1) });
    call.write({ payload: payload(27182) });
    await expectCode(collect(call), grpc.status.DEADLINE_EXCEEDED);
  },
  async custom_metadata() {
    const metadata = new grpc.Metadata();
    metadata.set('x-grpc-test-echo-initial', 'test_initial_metadata_value');
    metadata.set('x-grpc-test-echo-trailing-bin', Buffer.from([0xab, 0xab, 0xab]));
    const { initial, call } = await unary(client, 'UnaryCall', { response_size: 314159, payload: payload(271828) }, metadata);
    await new Promise((resolve) => setImmediate(resolve));
    expect(initial && initial.get('x-grpc-test-echo-initial')[0] === 'test_initial_metadata_value', 'initial metadata');
    const trailing = call.finalStatus.metadata.get('x-grpc-test-echo-trailing-bin')[0];
    expect(Buffer.isBuffer(trailing) && trailing.equals(Buffer.from([0xab, 0xab, 0xab])), `trailing ${trailing}`);
    const duplex = client.FullDuplexCall(metadata, { deadline: deadline(10000) });
    duplex.write({ response_parameters: [{ size: 314159 }], payload: payload(271828) });
    duplex.end();
    const result = await collect(duplex);
    expect(result.messages.length === 1 && result.messages[0].payload.body.length === 314159, 'duplex response');
    expect(result.initial.get('x-grpc-test-echo-initial')[0] === 'test_initial_metadata_value', 'duplex initial');
    expect(result.status.metadata.get('x-grpc-test-echo-trailing-bin')[0].equals(Buffer.from([0xab, 0xab, 0xab])), 'duplex trailing');
  },
  async cancel_after_begin() {
    const err = await new Promise((resolve) => {
      const call = client.StreamingInputCall({ deadline: deadline(10000) }, (e) => resolve(e));
      call.write({ payload: payload(27182) });
      setTimeout(() => call.cancel(), 300);
    });
    expect(err && err.code === grpc.status.CANCELLED, `got ${err && err.code}`);
  },
  async client_compressed_unary() {
    const request = { response_size: 314159, payload: payload(271828), expect_compressed: { value: true } };
    const { response } = await unary(gzipClient, 'UnaryCall', request);
    expect(response.payload.body.length === 314159, 'compressed request: wrong response size');
    await expectCode(unary(client, 'UnaryCall', request), grpc.status.INVALID_ARGUMENT);
  },
  async server_compressed_unary() {
    for (const value of [true, false]) {
      const { response } = await unary(client, 'UnaryCall', { response_size: 314159, payload: payload(271828), response_compressed: { value } });
      expect(response.payload.body.length === 314159, `response_compressed=${value}: wrong size`);
    }
  },
};

(async () => {
  const results = {};
  for (const [name, run] of Object.entries(cases)) {
    try {
      await run();
      results[name] = 'ok';
    } catch (err) {
      results[name] = `failed: ${err && err.stack ? err.stack.split('\n').slice(0, 3).join(' | ') : err}`;
    }
  }
  process.stdout.write(JSON.stringify(results) + '\n');
  client.close();
  gzipClient.close();
  unimplementedService.close();
  process.exit(0);
})();
