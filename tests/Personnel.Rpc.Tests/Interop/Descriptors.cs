using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Personnel.Rpc.Tests.Interop;

/// <summary>Writes the test, health and reflection protos as a FileDescriptorSet other implementations load.</summary>
public static class Descriptors
{
    public static string WriteSet(string directory)
    {
        var set = new FileDescriptorSet();
        FileDescriptor[] files =
        [
            Google.Protobuf.WellKnownTypes.WrappersReflection.Descriptor,
            Testing.TestServiceReflection.Descriptor,
            Health.V1.HealthReflection.Descriptor,
            Reflection.V1.ReflectionReflection.Descriptor,
            Reflection.V1Alpha.ReflectionReflection.Descriptor,
        ];
        foreach (var file in files)
        {
            set.File.Add(FileDescriptorProto.Parser.ParseFrom(file.SerializedData));
        }

        var path = Path.Combine(directory, "descriptors.pb");
        File.WriteAllBytes(path, set.ToByteArray());
        return path;
    }
}
