using System.CommandLine;
using System.Text;
using Sitrep.Server.Security;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep users add NAME --role analyst</c> (password from standard input, or asked for twice on a
/// terminal), <c>sitrep users key NAME</c> (an API key for scripts, shown once), <c>sitrep users list</c>.
/// </summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var command = new Command("users", "Dashboard and API users (roles viewer, analyst, admin) and API keys");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Key());
        command.Subcommands.Add(List());
        return command;
    }

    private static Command Add()
    {
        var name = new Argument<string>("name") { Description = "The user's sign-in name" };
        var role = new Option<string>("--role") { Description = "viewer (reads), analyst (also ingests and reviews), admin", DefaultValueFactory = _ => Roles.Viewer };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var database = CommonOptions.Database();
        var command = new Command("add", "Add a user; the password is read from standard input (or asked for on a terminal)") { name, role, database };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var password = ReadPassword();
            if (password is null)
            {
                await Console.Error.WriteLineAsync("SITREP-AUTH-008: the two passwords differ, or none was given");
                return 2;
            }

            return await WithUsersAsync(parse.GetValue(database)!, async users =>
            {
                try
                {
                    var user = await users.AddAsync(parse.GetValue(name)!, parse.GetValue(role)!, password, cancellationToken);
                    await Console.Out.WriteLineAsync($"Added {user.Name} ({user.Role}).");
                    return 0;
                }
                catch (Exception error) when (error is ArgumentException or InvalidOperationException)
                {
                    await Console.Error.WriteLineAsync(error.Message.Split(" (Parameter", 2)[0]);
                    return 1;
                }
            }, cancellationToken);
        });
        return command;
    }

    private static Command Key()
    {
        var name = new Argument<string>("name") { Description = "The user the key acts as" };
        var label = new Option<string?>("--label") { Description = "What the key is for (a script's name)" };
        var database = CommonOptions.Database();
        var command = new Command("key", "Make an API key for a user (send it in the X-Api-Key header); it is shown once") { name, label, database };
        command.SetAction(async (parse, cancellationToken) => await WithUsersAsync(parse.GetValue(database)!, async users =>
        {
            try
            {
                await Console.Out.WriteLineAsync(await users.CreateApiKeyAsync(parse.GetValue(name)!, parse.GetValue(label), cancellationToken));
                return 0;
            }
            catch (InvalidOperationException error)
            {
                await Console.Error.WriteLineAsync(error.Message);
                return 1;
            }
        }, cancellationToken));
        return command;
    }

    private static Command List()
    {
        var database = CommonOptions.Database();
        var command = new Command("list", "List users and their roles") { database };
        command.SetAction(async (parse, cancellationToken) => await WithUsersAsync(parse.GetValue(database)!, async users =>
        {
            foreach (var user in await users.ListAsync(cancellationToken))
            {
                await Console.Out.WriteLineAsync($"{user.Name}\t{user.Role}");
            }

            return 0;
        }, cancellationToken));
        return command;
    }

    /// <summary>Runs <paramref name="action"/> on the users of the database (SQLite or PostgreSQL), opened and migrated first.</summary>
    private static async Task<int> WithUsersAsync(Sitrep.Store.StoreLocation database, Func<UserStore, Task<int>> action, CancellationToken cancellationToken)
    {
        await using var store = await CliStore.OpenAsync(database, cancellationToken);
        if (store is null)
        {
            return 2;
        }

        return await action(new UserStore((Sitrep.Store.IStoreDatabase)store, TimeProvider.System));
    }

    /// <summary>The first line of standard input when redirected; on a terminal, asked for twice without echo.</summary>
    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine();
        }

        var first = Prompt("Password: ");
        var second = Prompt("Again: ");
        return first.Length > 0 && string.Equals(first, second, StringComparison.Ordinal) ? first : null;
    }

    private static string Prompt(string label)
    {
        Console.Error.Write(label);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                text.Length = Math.Max(0, text.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
