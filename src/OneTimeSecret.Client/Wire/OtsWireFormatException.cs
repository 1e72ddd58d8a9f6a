namespace OneTimeSecret.Client.Wire;

/// <summary>A success answer this client cannot read. Its message names fields, never values.</summary>
internal sealed class OtsWireFormatException(string message) : Exception(message);
