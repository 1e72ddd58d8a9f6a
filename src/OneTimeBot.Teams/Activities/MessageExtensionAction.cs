using OneTimeBot.Teams.Cards;

namespace OneTimeBot.Teams.Activities;

/// <summary>
/// The <c>value</c> of a message extension's <c>composeExtension/fetchTask</c> and <c>composeExtension/submitAction</c>
/// invokes: which of the manifest's commands (<see cref="CommandId"/>), where the user started it
/// (<see cref="CommandContext"/>: compose, commandBox or message), and on submit the dialog's form as it was sent.
/// </summary>
public sealed record MessageExtensionAction(string? CommandId, string? CommandContext, CardSubmit? Data);
