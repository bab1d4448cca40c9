using Nectar.Core.Primitives;

namespace Nectar.Privacy.Sessions;

/// <summary>
/// The port through which sessions learn whether an account may use the node: the node implements it over the
/// registry contract. Implementations are thread-safe and fast (they are asked on every authentication when
/// <see cref="SessionOptions.RecheckAdmissionOnUse"/> is on); when the answer is unknown they throw, and the
/// session layer then denies (fails closed).
/// </summary>
public interface IAccountAdmission
{
    /// <summary>Looks up an account's admission and roles as of now.</summary>
    /// <param name="account">The account.</param>
    /// <returns>Whether it is admitted, and its roles when it is.</returns>
    AccountAdmission GetAdmission(Address account);

    /// <summary>Whether an account is admitted now.</summary>
    /// <param name="account">The account.</param>
    /// <returns><see langword="true"/> when it is admitted.</returns>
    bool IsAdmitted(Address account) => GetAdmission(account).IsAdmitted;
}
