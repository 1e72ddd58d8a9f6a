using ArchUnitNET.Domain;

namespace OneTimeBot.Architecture.Tests;

/// <summary>
/// Cycles among the modules of an assembly: the namespaces directly below its root, each with everything beneath it
/// (<c>Storage</c> holds <c>Storage.Sqlite</c>), as design.md's layering is drawn. A module's own sub-namespaces may
/// use each other; two modules that use each other are one tangle, and that is what this finds. ArchUnitNET's slices
/// cut at every namespace, so the modules are grouped here, over the dependencies ArchUnitNET loaded. Types right in
/// the root namespace belong to no module: that is where a library keeps its public face (the client and its records,
/// which its Http and Wire modules build on) and an assembly its composition (the DI registration that names every
/// module), both of which use and are used by the modules below them by design.
/// </summary>
internal static class NamespaceCycles
{
    /// <summary>Each cycle as its modules, then one dependency per step as evidence; empty when there is none.</summary>
    public static IReadOnlyList<string> Below(ArchUnitNET.Domain.Architecture architecture, string root)
    {
        var prefix = root + ".";
        string? ModuleOf(IType? type) =>
            type?.Namespace?.FullName is { } name && name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..].Split('.')[0] : null;

        var evidence = new SortedDictionary<(string From, string To), string>();
        foreach (var type in architecture.Types)
        {
            if (ModuleOf(type) is not { } from)
            {
                continue;
            }

            foreach (var dependency in type.Dependencies)
            {
                if (dependency.Target is GenericParameter)
                {
                    // A type parameter is no use of the module declaring it, and ArchUnitNET can file one under another
                    // type's method of the same signature: each source-generated JSON context's private generic helper
                    // was seen as the other context's, as if one context called into another's module.
                    continue;
                }

                if (ModuleOf(dependency.Target) is { } to && to != from)
                {
                    evidence.TryAdd((from, to), $"{type.FullName} -> {dependency.Target.FullName}");
                }
            }
        }

        var modules = evidence.Keys.SelectMany(e => new[] { e.From, e.To }).Distinct().Order(StringComparer.Ordinal).ToList();
        return Tangles(modules, evidence.Keys.ToList())
            .Select(tangle => string.Join(" <-> ", tangle) + ":\n  " + string.Join("\n  ", evidence.Where(e => tangle.Contains(e.Key.From) && tangle.Contains(e.Key.To)).Select(e => e.Value)))
            .ToList();
    }

    /// <summary>The groups of modules that can each reach every other in the group (strongly connected, more than one).</summary>
    private static List<List<string>> Tangles(List<string> modules, List<(string From, string To)> edges)
    {
        bool Reaches(string from, string to)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { from };
            var next = new Queue<string>([from]);
            while (next.TryDequeue(out var at))
            {
                foreach (var (_, target) in edges.Where(e => e.From == at))
                {
                    if (target == to)
                    {
                        return true;
                    }

                    if (seen.Add(target))
                    {
                        next.Enqueue(target);
                    }
                }
            }

            return false;
        }

        var tangles = new List<List<string>>();
        foreach (var module in modules)
        {
            if (tangles.Any(t => t.Contains(module)))
            {
                continue;
            }

            var tangle = modules.Where(other => other == module || (Reaches(module, other) && Reaches(other, module))).ToList();
            if (tangle.Count > 1)
            {
                tangles.Add(tangle);
            }
        }

        return tangles;
    }
}
