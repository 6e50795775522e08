namespace Hub.Samples;

/// <summary>The file formats sample feeds are written in; each is one the Hub accepts.</summary>
public enum SampleFileFormat
{
    /// <summary>CSV in UTF-8 with a byte-order mark, as Excel saves "CSV UTF-8".</summary>
    CsvUtf8Bom = 1,

    /// <summary>CSV in GB18030 without a byte-order mark, as older Chinese systems export it.</summary>
    CsvGb18030,

    /// <summary>An Excel workbook.</summary>
    Xlsx,

    /// <summary>A JSON array of objects.</summary>
    Json,

    /// <summary>One JSON object per line.</summary>
    Ndjson,
}