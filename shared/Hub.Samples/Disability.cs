namespace Hub.Samples;

/// <summary>A disability certificate (残疾人证) held by the disability federation.</summary>
/// <param name="Category">残疾类别.</param>
/// <param name="Grade">残疾等级, 1 (most severe) to 4.</param>
/// <param name="CertificateNumber">The certificate number: the ID number followed by category and grade digits.</param>
/// <param name="IssuedOn">发证日期.</param>
/// <param name="ValidTo">有效期至.</param>
/// <param name="GuardianPhone">监护人电话, for people who have a guardian.</param>
public sealed record Disability(DisabilityCategory Category, int Grade, string CertificateNumber, DateOnly IssuedOn, DateOnly ValidTo, string? GuardianPhone);