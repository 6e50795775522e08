using Hub.Core.Feeds.Normalisation;

namespace Hub.Core.Profiles;

/// <summary>Reads date attributes of facts; stored facts hold <c>yyyy-MM-dd</c>, but the usual spellings are accepted too.</summary>
internal static class FactDates
{
    /// <summary>Null when the fact has no value; false when it has one that is not a date.</summary>
    public static bool TryRead(FactView fact, string attribute, out DateOnly? date)
    {
        date = null;
        var text = fact.ValueOf(attribute);
        if (text is null)
        {
            return true;
        }

        if (ValueNormaliser.TryDate(text, [], out var parsed, out _))
        {
            date = parsed;
            return true;
        }

        return false;
    }

    /// <summary>A problem report that names the source and attribute, never a value (nor the discriminator, which may be one).</summary>
    public static string Unreadable(FactView fact, string attribute, string use) =>
        $"a {fact.Source} fact's {attribute} is not a date, so it gives no {use}";
}
