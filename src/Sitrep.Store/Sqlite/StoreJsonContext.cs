using System.Text.Json.Serialization;

namespace Sitrep.Store.Sqlite;

[JsonSerializable(typeof(string[]))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
