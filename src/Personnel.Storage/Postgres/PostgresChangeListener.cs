using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using Personnel.Storage.Internal;

namespace Personnel.Storage.Postgres;

/// <summary>
/// Tells this node of other nodes' appends. Each write batch NOTIFYs "node|first|last" (its position
/// range) inside its transaction, so notifications arrive in commit order and only once committed. A
/// NOTIFY payload is small (8 kB at most) and a batch may touch thousands of streams, so the payload
/// carries positions and the listener reads the streams back. On a lost connection it reconnects and
/// catches up from the last position it handled, so nothing is missed.
/// </summary>
internal sealed class PostgresChangeListener : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly string _channel;
    private readonly string _nodeId;
    private readonly ChangeFeedHub _hub;
    private readonly TimeSpan _reconnectDelay;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<(string Node, long First, long Last)> _received = new();
    private readonly ConcurrentDictionary<long, long> _ownRanges = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loop = Task.CompletedTask;
    private long _handled = -1;

    public PostgresChangeListener(string connectionString, string channel, string nodeId, ChangeFeedHub hub, TimeSpan reconnectDelay, TimeProvider timeProvider, ILogger logger)
    {
        _connectionString = connectionString;
        _channel = channel;
        _nodeId = nodeId;
        _hub = hub;
        _reconnectDelay = reconnectDelay;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Starts listening; returns once LISTEN is in place, so every later write is seen.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(RunAsync, CancellationToken.None);
        await _listening.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Remembers this node's own batch, so a catch-up after reconnecting does not report it as remote.</summary>
    public void RecordOwnWrite(long first, long last)
    {
        if (last > Volatile.Read(ref _handled))
        {
            _ownRanges[first] = last;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _listening.TrySetCanceled();
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(token).ConfigureAwait(false);
            }
            catch (Exception ex) when (!token.IsCancellationRequested)
            {
                StorageLog.FeedDisconnected(_logger, _reconnectDelay, ex);
                if (!_listening.Task.IsCompleted && ex is not NpgsqlException)
                {
                    _listening.TrySetException(ex);
                    return;
                }

                try
                {
                    await Task.Delay(_reconnectDelay, _timeProvider, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ListenAsync(CancellationToken token)
    {
        var connection = new NpgsqlConnection(_connectionString);
        await using (connection.ConfigureAwait(false))
        {
            connection.Notification += (_, e) => Enqueue(e.Payload);
            await connection.OpenAsync(token).ConfigureAwait(false);
            await using (var listen = new NpgsqlCommand($"LISTEN {_channel}", connection))
            {
                await listen.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            }

            if (_handled < 0)
            {
                // First start: everything already committed is history, not news.
                await using var last = new NpgsqlCommand("SELECT last_position FROM store_state WHERE id = 1", connection);
                _handled = (long)(await last.ExecuteScalarAsync(token).ConfigureAwait(false))!;
            }
            else
            {
                // Reconnected: whatever committed while we were away was never notified to us.
                await PublishRangeAsync(connection, _handled + 1, long.MaxValue, token).ConfigureAwait(false);
            }

            StorageLog.FeedListening(_logger, _channel, _handled);
            _listening.TrySetResult();
            while (true)
            {
                await DrainAsync(connection, token).ConfigureAwait(false);
                await connection.WaitAsync(token).ConfigureAwait(false);
            }
        }
    }

    private void Enqueue(string payload)
    {
        var parts = payload.Split('|');
        if (parts.Length == 3
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var last))
        {
            _received.Enqueue((parts[0], first, last));
        }
    }

    private async Task DrainAsync(NpgsqlConnection connection, CancellationToken token)
    {
        while (_received.TryDequeue(out var n))
        {
            if (n.Last <= _handled)
            {
                continue;
            }

            if (n.Node == _nodeId)
            {
                Volatile.Write(ref _handled, n.Last);
                _ownRanges.TryRemove(n.First, out _);
                continue;
            }

            await PublishRangeAsync(connection, Math.Max(n.First, _handled + 1), n.Last, token).ConfigureAwait(false);
        }
    }

    private async Task PublishRangeAsync(NpgsqlConnection connection, long from, long to, CancellationToken token)
    {
        var own = _ownRanges.ToArray();
        await using var command = new NpgsqlCommand("SELECT position, stream_id, version FROM events WHERE position BETWEEN $1 AND $2 ORDER BY position", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = to });
        var latest = new Dictionary<string, StreamChange>(StringComparer.Ordinal);
        var handled = _handled;
        await using (var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(token).ConfigureAwait(false))
            {
                var position = reader.GetInt64(0);
                handled = position;
                if (own.Any(r => position >= r.Key && position <= r.Value))
                {
                    continue;
                }

                var stream = reader.GetString(1);
                latest[stream] = new StreamChange(stream, reader.GetInt64(2), position, IsLocal: false);
            }
        }

        Volatile.Write(ref _handled, Math.Max(handled, to == long.MaxValue ? handled : to));
        foreach (var (first, last) in own.Where(r => r.Value <= _handled))
        {
            _ownRanges.TryRemove(first, out _);
        }

        _hub.Publish(latest.Values.OrderBy(c => c.Position).ToList());
    }
}
