using System.Reflection;
using ArchUnitNET.Loader;

namespace OneTimeBot.Architecture.Tests;

/// <summary>
/// Every product assembly built beside these tests (OneTimeBot.* and OneTimeSecret.*, not the tests' own), loaded once:
/// an assembly added to the product is checked without being listed here.
/// </summary>
internal static class ProductArchitecture
{
    public static readonly ArchUnitNET.Domain.Architecture Loaded = new ArchLoader().LoadAssemblies(ProductAssemblies().ToArray()).Build();

    private static IEnumerable<Assembly> ProductAssemblies() =>
        Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => name!.StartsWith("OneTimeBot.", StringComparison.Ordinal) || name.StartsWith("OneTimeSecret.", StringComparison.Ordinal))
            .Where(name => !name!.EndsWith(".Tests", StringComparison.Ordinal) && !name.EndsWith(".Testing", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => Assembly.Load(name!));
}
