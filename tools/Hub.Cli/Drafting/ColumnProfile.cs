using System.Globalization;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Kernel;

namespace Hub.Cli.Drafting;

/// <summary>
/// What one column's values look like: counts of each shape and the distinct values with their counts. The values are
/// kept only in memory, to count them and to list a code list's labels; nothing here is printed but counts.
/// </summary>
internal sealed class ColumnProfile(string column, int number, DateOnly today)
{
    private readonly Dictionary<string, int> _dateForms = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _idSuffixes = [];

    public string Column { get; } = column;

    /// <summary>1-based position among the columns (or the keys, in order of first appearance).</summary>
    public int Number { get; } = number;

    /// <summary>Rows that hold the column (every row of CSV or XLSX; the records with the key, for JSON).</summary>
    public int Present { get; private set; }

    public int NonEmpty { get; private set; }

    /// <summary>JSON records whose value for the key is an object or an array.</summary>
    public int Nested { get; set; }

    /// <summary>Each distinct value, normalised as the Hub normalises text, and how many rows hold it.</summary>
    public Dictionary<string, int> Values { get; } = new(StringComparer.Ordinal);

    public int IdNumbers { get; private set; }

    public int LegacyIds { get; private set; }

    /// <summary>Valid ID numbers and values shaped like one that the Hub cannot use (a wrong check character, scientific notation).</summary>
    public int IdLike { get; private set; }

    /// <summary>Length of the digits after a valid ID number → how many values have that many.</summary>
    public IReadOnlyDictionary<int, int> IdSuffixes => _idSuffixes;

    public int Dates { get; private set; }

    /// <summary>Dates in a written form, not counting Excel serial numbers (any five-digit number from 10000 reads as one).</summary>
    public int WrittenDates => Dates - _dateForms.GetValueOrDefault(ValueNormaliser.ExcelSerialForm);

    /// <summary>Each date form seen (a .NET format, or Excel's serial number) → how many values have it.</summary>
    public IReadOnlyDictionary<string, int> DateForms => _dateForms;

    public int FutureDates { get; private set; }

    public DateOnly? FirstDate { get; private set; }

    public DateOnly? LastDate { get; private set; }

    public int Phones { get; private set; }

    public int Divisions { get; private set; }

    public int AnyDivisions { get; private set; }

    public int WholeNumbers { get; private set; }

    public int Numbers { get; private set; }

    public int HanNames { get; private set; }

    public int Addresses { get; private set; }

    /// <summary>Values that could be a person's name (<see cref="ValueShapes.IsSurnamed"/>).</summary>
    public int Surnamed { get; private set; }

    /// <summary>Values with a run of six or more digits: never a code list label.</summary>
    public int LongDigits { get; private set; }

    public int MaxLength { get; private set; }

    /// <summary>
    /// A code column: at least 10 values, at most 20 distinct, each seen three times on average, short, and shaped
    /// like no personal data (an ID, a phone, a date, a long number; few addresses, few values that could be names).
    /// Only such a column's labels may be written into a draft, and never one that could be a name.
    /// </summary>
    public bool IsCodeLike => NonEmpty >= 10 && Values.Count <= 20 && Values.Count * 3 <= NonEmpty && MaxLength <= 20
        && LongDigits == 0 && IdLike == 0 && Phones == 0 && WrittenDates == 0 && Share(Addresses) < 0.5 && Share(Surnamed) < 0.2;

    /// <summary>Chinese personal names: name-shaped values, mostly different from each other.</summary>
    public bool LooksLikeNames => Share(HanNames) >= MappingDrafter.Recognised && Values.Count * 2 >= NonEmpty;

    public void Add(string? raw)
    {
        Present++;
        var text = ValueNormaliser.Text(raw);
        if (text is null)
        {
            return;
        }

        NonEmpty++;
        Values[text] = Values.GetValueOrDefault(text) + 1;
        MaxLength = Math.Max(MaxLength, text.Length);
        if (ValueShapes.IsIdNumber(text, out _, out var legacy))
        {
            IdNumbers++;
            LegacyIds += legacy ? 1 : 0;
        }

        IdLike += ValueShapes.LooksLikeIdNumber(text) || legacy ? 1 : 0;
        if (ValueShapes.IdSuffixLength(text, out _) is > 0 and var suffix)
        {
            _idSuffixes[suffix] = _idSuffixes.GetValueOrDefault(suffix) + 1;
        }

        AddDate(text);
        Phones += ValueShapes.IsPhone(text) ? 1 : 0;
        Divisions += ValueShapes.IsDivision(text) ? 1 : 0;
        AnyDivisions += DivisionCode.TryParse(text, out _, out _) ? 1 : 0;
        WholeNumbers += ValueNormaliser.TryInteger(text, out _) ? 1 : 0;
        Numbers += ValueNormaliser.TryDecimal(text, out _) ? 1 : 0;
        HanNames += ValueShapes.IsHanName(text) ? 1 : 0;
        Surnamed += ValueShapes.IsSurnamed(text) ? 1 : 0;
        Addresses += ValueShapes.IsAddress(text) ? 1 : 0;
        LongDigits += ValueShapes.HasDigitRun(text) ? 1 : 0;
    }

    /// <summary>The share of the non-empty values <paramref name="count"/> is.</summary>
    public double Share(int count) => NonEmpty == 0 ? 0 : (double)count / NonEmpty;

    /// <summary>"588 of 600 values (98%)".</summary>
    public string Of(int count) => string.Create(CultureInfo.InvariantCulture, $"{count:N0} of {NonEmpty:N0} values ({Percent(Share(count))})");

    /// <summary>A share as a whole percentage that never rounds a part up to 100% or down to 0%.</summary>
    public static string Percent(double share)
    {
        var percent = Math.Round(share * 100);
        percent = share < 1 && percent >= 100 ? 99 : share > 0 && percent <= 0 ? 1 : percent;
        return percent.ToString("0", CultureInfo.InvariantCulture) + "%";
    }

    private void AddDate(string text)
    {
        if (ValueNormaliser.DateForm(text, [], out var date) is not { } form)
        {
            return;
        }

        Dates++;
        _dateForms[form] = _dateForms.GetValueOrDefault(form) + 1;
        FutureDates += date > today ? 1 : 0;
        FirstDate = FirstDate is { } first && first <= date ? first : date;
        LastDate = LastDate is { } last && last >= date ? last : date;
    }
}
