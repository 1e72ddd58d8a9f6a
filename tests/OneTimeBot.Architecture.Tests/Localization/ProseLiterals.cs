using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OneTimeBot.Architecture.Tests.Localization;

/// <summary>
/// Finds the string literals in product code that read like words for a person (two words or more), outside the places
/// where text is for operators and developers only: log messages, exception messages, attributes. Whatever it finds
/// in code a user reads must come from the resources instead.
/// </summary>
internal static partial class ProseLiterals
{
    public sealed record Finding(string File, int Line, string Text)
    {
        public override string ToString() => $"{File}:{Line}: \"{Text}\"";
    }

    public static IEnumerable<Finding> In(string path)
    {
        var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(path), path: path);
        var root = tree.GetRoot();
        foreach (var node in root.DescendantNodes())
        {
            var text = node switch
            {
                LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) &&
                                                     literal.Parent is not InterpolatedStringExpressionSyntax => literal.Token.ValueText,
                InterpolatedStringExpressionSyntax interpolated => string.Concat(interpolated.Contents.Select(c => c is InterpolatedStringTextSyntax t ? t.TextToken.ValueText : " {x} ")),
                _ => null,
            };
            if (text is null || !Prose().IsMatch(text) || ForOperatorsOnly(node))
            {
                continue;
            }

            yield return new Finding(SourceTree.Relative(path), node.GetLocation().GetLineSpan().StartLinePosition.Line + 1, text.Length > 80 ? text[..80] + "…" : text);
        }
    }

    /// <summary>Text no chat user or page reader sees: what only logs, exceptions, attributes and debugger views carry.</summary>
    private static bool ForOperatorsOnly(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case AttributeSyntax:
                case ThrowExpressionSyntax:
                case ThrowStatementSyntax:
                    return true;
                case ObjectCreationExpressionSyntax creation when creation.Type.ToString().EndsWith("Exception", StringComparison.Ordinal):
                    return true;
                case InvocationExpressionSyntax invocation when Called(invocation) is { } name &&
                                                               (name.StartsWith("Log", StringComparison.Ordinal) || name is "Fail" or "ThrowIfNullOrWhiteSpace"):
                    return true;
                case MemberDeclarationSyntax or StatementSyntax and not ExpressionStatementSyntax and not ReturnStatementSyntax and not LocalDeclarationStatementSyntax:
                    return false;
            }
        }

        return false;
    }

    private static string? Called(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        _ => null,
    };

    /// <summary>Two words of letters with a space between: a sentence or a label, not a key, a name or a format.</summary>
    [GeneratedRegex(@"\p{L}{2,}[’']?\p{L}*\s+[\p{L}(]\p{L}")]
    private static partial Regex Prose();
}
