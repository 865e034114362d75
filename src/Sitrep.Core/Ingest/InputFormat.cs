namespace Sitrep.Ingest;

public enum InputFormat
{
    Auto,
    Text,
    Html,
    Telegram,
    Jsonl,
}
