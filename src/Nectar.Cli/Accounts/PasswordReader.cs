using System.Text;

namespace Nectar.Cli.Accounts;

/// <summary>
/// Gets a password from a file (<c>--password-file</c>, first line) or by prompting on the terminal without echo.
/// Passwords are never passed as command-line arguments: those are visible to every user through the process list.
/// </summary>
public static class PasswordReader
{
    /// <summary>Reads the first line of a password file (without its line break).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The password.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static string FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, Encoding.UTF8);
        return reader.ReadLine() ?? string.Empty;
    }

    /// <summary>Prompts for a password on the terminal without echoing it; with redirected input, reads one line.</summary>
    /// <param name="prompt">The prompt, written to <paramref name="error"/>.</param>
    /// <param name="error">Where prompts go (standard error, so standard output stays clean for scripts).</param>
    /// <returns>The password, or <see langword="null"/> when input ended.</returns>
    public static string? Prompt(string prompt, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        error.Write(prompt);
        error.Flush();
        if (Console.IsInputRedirected)
        {
            var line = Console.In.ReadLine();
            error.WriteLine();
            return line;
        }

        var builder = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                error.WriteLine();
                return builder.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (builder.Length > 0)
                {
                    builder.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                builder.Append(key.KeyChar);
            }
        }
    }
}
