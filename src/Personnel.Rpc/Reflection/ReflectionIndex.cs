using Google.Protobuf;
using Google.Protobuf.Reflection;
using Personnel.Rpc.Reflection.V1;
using Personnel.Rpc.Server;

namespace Personnel.Rpc.Reflection;

/// <summary>
/// Answers server-reflection questions from the descriptors of the mapped services: which services exist,
/// and the file (with its dependencies) that defines a file name, symbol or extension.
/// </summary>
internal sealed class ReflectionIndex(RpcServiceRegistry registry)
{
    private readonly Lazy<Index> _index = new(() => Index.Build(registry.Services));

    public ServerReflectionResponse Answer(ServerReflectionRequest request)
    {
        var index = _index.Value;
        var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
        switch (request.MessageRequestCase)
        {
            case ServerReflectionRequest.MessageRequestOneofCase.ListServices:
                var list = new ListServiceResponse();
                list.Service.AddRange(index.ServiceNames.Select(name => new ServiceResponse { Name = name }));
                response.ListServicesResponse = list;
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileByFilename:
                Answer(response, index.Files.GetValueOrDefault(request.FileByFilename), $"File '{request.FileByFilename}' is not known.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol:
                Answer(response, index.Symbols.GetValueOrDefault(request.FileContainingSymbol), $"Symbol '{request.FileContainingSymbol}' is not known.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension:
                var extension = request.FileContainingExtension;
                Answer(
                    response,
                    index.Extensions.GetValueOrDefault((extension.ContainingType, extension.ExtensionNumber)),
                    $"Extension {extension.ExtensionNumber} of '{extension.ContainingType}' is not known.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType:
                var typeName = request.AllExtensionNumbersOfType;
                if (!index.Symbols.ContainsKey(typeName))
                {
                    response.ErrorResponse = NotFound($"Type '{typeName}' is not known.");
                    break;
                }

                var numbers = new ExtensionNumberResponse { BaseTypeName = typeName };
                numbers.ExtensionNumber.AddRange(index.Extensions.Keys.Where(k => k.Type == typeName).Select(k => k.Number).Order());
                response.AllExtensionNumbersResponse = numbers;
                break;
            default:
                response.ErrorResponse = new ErrorResponse
                {
                    ErrorCode = (int)StatusCode.InvalidArgument,
                    ErrorMessage = "The reflection request names no question.",
                };
                break;
        }

        return response;
    }

    private static void Answer(ServerReflectionResponse response, FileDescriptor? file, string notFound)
    {
        if (file is null)
        {
            response.ErrorResponse = NotFound(notFound);
            return;
        }

        // The file first, then everything it imports: a client can then build it without asking again.
        var result = new FileDescriptorResponse();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<FileDescriptor>();
        pending.Push(file);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (!seen.Add(next.Name))
            {
                continue;
            }

            result.FileDescriptorProto.Add(next.SerializedData);
            foreach (var dependency in next.Dependencies.Reverse())
            {
                pending.Push(dependency);
            }
        }

        response.FileDescriptorResponse = result;
    }

    private static ErrorResponse NotFound(string message) =>
        new() { ErrorCode = (int)StatusCode.NotFound, ErrorMessage = message };

    private sealed record Index(
        IReadOnlyList<string> ServiceNames,
        Dictionary<string, FileDescriptor> Files,
        Dictionary<string, FileDescriptor> Symbols,
        Dictionary<(string Type, int Number), FileDescriptor> Extensions)
    {
        public static Index Build(IEnumerable<ServiceDescriptor> services)
        {
            var serviceList = services.ToList();
            var index = new Index(
                serviceList.Select(s => s.FullName).Order(StringComparer.Ordinal).ToList(),
                new(StringComparer.Ordinal),
                new(StringComparer.Ordinal),
                []);
            foreach (var service in serviceList)
            {
                index.AddFile(service.File);
            }

            return index;
        }

        private void AddFile(FileDescriptor file)
        {
            if (!Files.TryAdd(file.Name, file))
            {
                return;
            }

            foreach (var service in file.Services)
            {
                Symbols.TryAdd(service.FullName, file);
                foreach (var method in service.Methods)
                {
                    Symbols.TryAdd(method.FullName, file);
                }
            }

            foreach (var message in file.MessageTypes)
            {
                AddMessage(message, file);
            }

            foreach (var enumType in file.EnumTypes)
            {
                Symbols.TryAdd(enumType.FullName, file);
            }

            foreach (var extension in file.Extensions.UnorderedExtensions)
            {
                Extensions.TryAdd((extension.ExtendeeType.FullName, extension.FieldNumber), file);
            }

            foreach (var dependency in file.Dependencies)
            {
                AddFile(dependency);
            }
        }

        private void AddMessage(MessageDescriptor message, FileDescriptor file)
        {
            Symbols.TryAdd(message.FullName, file);
            foreach (var nested in message.NestedTypes)
            {
                AddMessage(nested, file);
            }

            foreach (var enumType in message.EnumTypes)
            {
                Symbols.TryAdd(enumType.FullName, file);
            }
        }
    }
}

/// <summary>Both reflection versions: v1alpha messages are wire-identical to v1, so they are answered by re-reading their bytes.</summary>
internal sealed class ReflectionService(ReflectionIndex index)
{
    public async Task ServerReflectionInfo(
        IAsyncStreamReader<ServerReflectionRequest> requestStream,
        IServerStreamWriter<ServerReflectionResponse> responseStream,
        ServerCallContext context)
    {
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            await responseStream.WriteAsync(index.Answer(requestStream.Current), context.CancellationToken).ConfigureAwait(false);
        }
    }
}

internal sealed class ReflectionServiceV1Alpha(ReflectionIndex index)
{
    public async Task ServerReflectionInfo(
        IAsyncStreamReader<V1Alpha.ServerReflectionRequest> requestStream,
        IServerStreamWriter<V1Alpha.ServerReflectionResponse> responseStream,
        ServerCallContext context)
    {
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            var request = ServerReflectionRequest.Parser.ParseFrom(requestStream.Current.ToByteString());
            var answer = V1Alpha.ServerReflectionResponse.Parser.ParseFrom(index.Answer(request).ToByteString());
            await responseStream.WriteAsync(answer, context.CancellationToken).ConfigureAwait(false);
        }
    }
}
