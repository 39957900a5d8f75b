'use strict';
// Loads @grpc/grpc-js and the test service definition for the interop client and server.
const path = require('path');

function load(modulesDir, protoPath) {
  const grpc = require(path.join(modulesDir, 'node_modules', '@grpc', 'grpc-js'));
  const protoLoader = require(path.join(modulesDir, 'node_modules', '@grpc', 'proto-loader'));
  const definition = protoLoader.loadSync(protoPath, {
    keepCase: true,
    longs: Number,
    enums: Number,
    defaults: true,
    oneofs: true,
  });
  const pkg = grpc.loadPackageDefinition(definition).personnel.rpc.testing;
  return { grpc, pkg };
}

function args() {
  const result = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    result[argv[i].replace(/^--/, '')] = argv[i + 1];
  }
  return result;
}

module.exports = { load, args };
