using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Personnel.Storage.Bench;

/// <summary>SQLite's own floor on this disk: one row inserted and committed at a time, in WAL mode with
/// synchronous=FULL (the store's settings), through Microsoft.Data.Sqlite with no store around it.</summary>
internal static class SqliteBaseline
{
    public static double SingleRowInsertsPerSecond(string path, TimeSpan duration)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE IF NOT EXISTS baseline (id INTEGER PRIMARY KEY, v INTEGER NOT NULL);";
            setup.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO baseline (v) VALUES ($v)";
        var value = insert.Parameters.Add("$v", SqliteType.Integer);
        var count = 0L;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            value.Value = count;
            insert.ExecuteNonQuery();
            transaction.Commit();
            count++;
        }

        return count / watch.Elapsed.TotalSeconds;
    }
}
