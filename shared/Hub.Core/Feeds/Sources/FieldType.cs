namespace Hub.Core.Feeds.Sources;

/// <summary>How a mapped column is normalised and validated.</summary>
public enum FieldType
{
    /// <summary>Free text: width-normalised, trimmed, inner whitespace collapsed.</summary>
    Text = 1,

    /// <summary>A person's name: as text, and spaces between Chinese characters removed.</summary>
    Name,

    /// <summary>A resident ID number (GB 11643); the field the person key is computed from.</summary>
    ResidentId,

    /// <summary>A calendar date in any of the accepted spellings.</summary>
    Date,

    /// <summary>A 12-digit statistical division code.</summary>
    Division,

    /// <summary>A mobile or landline phone number.</summary>
    Phone,

    /// <summary>A value from a code list: the department's label is translated to the Hub's code.</summary>
    Code,

    /// <summary>A whole number.</summary>
    WholeNumber,

    /// <summary>A decimal number such as an amount of money.</summary>
    Number,
}
