namespace Hub.Functions.Persons;

/// <summary>The whole answer to a claim: yes or no, the day it holds for, and the department whose record decides it.</summary>
internal sealed record VerificationAnswer(bool Answer, DateOnly AsOf, string? Source);
