# Sourced by ./test.sh: the sqlite3 command line, which docs/operations.md uses for an online backup of the SQLite
# database and tests/Personnel.Server.Tests/BackupRestoreTests.cs runs against a live server.
apt_install sqlite3
