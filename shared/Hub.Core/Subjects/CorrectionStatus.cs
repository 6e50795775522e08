namespace Hub.Core.Subjects;

/// <summary>Where a correction request stands.</summary>
public enum CorrectionStatus
{
    /// <summary>Waiting for the owning department.</summary>
    Open = 1,

    /// <summary>The department agreed; its next feed carries the corrected value.</summary>
    Accepted = 2,

    /// <summary>The department kept its value, and said why.</summary>
    Rejected = 3,
}
