namespace Sitrep.Events.Lexical;

/// <summary>
/// A word or punctuation mark of a sentence, with its offsets in the normalized text. <see cref="Lower"/>
/// is the lower-cased form the lexicons are keyed on.
/// </summary>
public readonly record struct Token(int Start, int End, string Text, string Lower, bool IsWord)
{
    /// <summary>Starts with an upper-case letter ("Azerbaijan", "UN").</summary>
    public bool IsCapitalized => Text.Length > 0 && char.IsUpper(Text[0]);

    /// <summary>Two or more letters, all upper case ("UN", "ICRC", "WHO").</summary>
    public bool IsAllCaps
    {
        get
        {
            var letters = 0;
            foreach (var c in Text)
            {
                if (char.IsLetter(c))
                {
                    if (!char.IsUpper(c))
                    {
                        return false;
                    }

                    letters++;
                }
            }

            return letters >= 2;
        }
    }
}
