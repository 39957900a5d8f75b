#!/usr/bin/python3
"""A Google C-core (Debian python3-grpcio) server of the test service, for Personnel.Rpc's client.

Prints {"port": N} once listening; stops when its standard input closes.
"""
import argparse
import json
import sys
import time
from concurrent import futures

import grpc

from interop_messages import PKG, Messages

CODES = {code.value[0]: code for code in grpc.StatusCode}
ECHO_INITIAL = "x-grpc-test-echo-initial"
ECHO_TRAILING = "x-grpc-test-echo-trailing-bin"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--descriptors", required=True)
    args = parser.parse_args()
    m = Messages(args.descriptors)

    def payload(size):
        return m.Payload(body=b"\0" * size)

    def echo_metadata(context):
        received = dict(context.invocation_metadata())
        if ECHO_INITIAL in received:
            context.send_initial_metadata(((ECHO_INITIAL, received[ECHO_INITIAL]),))
        if ECHO_TRAILING in received:
            context.set_trailing_metadata(((ECHO_TRAILING, received[ECHO_TRAILING]),))

    def echo_status(status, context):
        if status is not None and status.code != 0:
            context.abort(CODES[status.code], status.message)

    def empty_call(request, context):
        return m.Empty()

    def unary_call(request, context):
        echo_metadata(context)
        if request.HasField("response_compressed"):
            context.set_compression(grpc.Compression.Gzip if request.response_compressed.value else grpc.Compression.NoCompression)
        deadline = time.monotonic() + request.sleep_ms / 1000.0
        while time.monotonic() < deadline and context.is_active():
            time.sleep(0.01)
        echo_status(request.response_status if request.HasField("response_status") else None, context)
        return m.SimpleResponse(payload=payload(request.response_size))

    def streaming_output_call(request, context):
        echo_metadata(context)
        for parameters in request.response_parameters:
            yield m.StreamingOutputCallResponse(payload=payload(parameters.size))
        echo_status(request.response_status if request.HasField("response_status") else None, context)

    def streaming_input_call(request_iterator, context):
        return m.StreamingInputCallResponse(aggregated_payload_size=sum(len(r.payload.body) for r in request_iterator))

    def full_duplex_call(request_iterator, context):
        echo_metadata(context)
        for request in request_iterator:
            echo_status(request.response_status if request.HasField("response_status") else None, context)
            for parameters in request.response_parameters:
                yield m.StreamingOutputCallResponse(payload=payload(parameters.size))

    def handler(kind, fn, request, response):
        return kind(fn, request_deserializer=request.FromString, response_serializer=response.SerializeToString)

    service = grpc.method_handlers_generic_handler(f"{PKG}.TestService", {
        "EmptyCall": handler(grpc.unary_unary_rpc_method_handler, empty_call, m.Empty, m.Empty),
        "UnaryCall": handler(grpc.unary_unary_rpc_method_handler, unary_call, m.SimpleRequest, m.SimpleResponse),
        "StreamingOutputCall": handler(grpc.unary_stream_rpc_method_handler, streaming_output_call,
                                       m.StreamingOutputCallRequest, m.StreamingOutputCallResponse),
        "StreamingInputCall": handler(grpc.stream_unary_rpc_method_handler, streaming_input_call,
                                      m.StreamingInputCallRequest, m.StreamingInputCallResponse),
        "FullDuplexCall": handler(grpc.stream_stream_rpc_method_handler, full_duplex_call,
                                  m.StreamingOutputCallRequest, m.StreamingOutputCallResponse),
    })
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=16))
    server.add_generic_rpc_handlers((service,))
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    print(json.dumps({"port": port}))
    sys.stdout.flush()
    sys.stdin.read()
    server.stop(grace=1).wait()


if __name__ == "__main__":
    main()
