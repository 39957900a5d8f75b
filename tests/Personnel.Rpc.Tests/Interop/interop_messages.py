"""Message classes for the interop scripts, built from a FileDescriptorSet the C# test writes.

No generated _pb2 modules: the protoc that would generate them need not match this python3-protobuf.
"""
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

PKG = "personnel.rpc.testing"


class Messages:
    def __init__(self, path):
        with open(path, "rb") as f:
            files = descriptor_pb2.FileDescriptorSet.FromString(f.read())
        self.pool = descriptor_pool.DescriptorPool()
        for proto in files.file:
            self.pool.Add(proto)
        self.factory = message_factory.MessageFactory(self.pool)

    def __getattr__(self, name):
        full = name.replace("__", ".")
        if "." not in full:
            full = PKG + "." + full
        descriptor = self.pool.FindMessageTypeByName(full)
        if hasattr(message_factory, "GetMessageClass"):
            return message_factory.GetMessageClass(descriptor)
        return self.factory.GetPrototype(descriptor)
