using HoanKiem.ServiceDefaults.Data;

// The local system's backups: ./run.sh backup (while it runs) and ./run.sh restore <folder> (while it is stopped).
if (args is not ["backup", _] and not ["restore", _, _])
{
    Console.Error.WriteLine("usage: HoanKiem.Backup backup <data folder> | restore <backup folder> <data folder>");
    return 2;
}

// The keys and secrets beside the databases: a restored system signs in with the same secrets and keeps its sessions valid.
string[] keptWithThem = ["secretariat-secret", "broker-password", Path.Combine("gateway", "keys"), Path.Combine("web", "keys")];

if (args[0] == "backup")
{
    var target = Path.Combine(args[1], "backups", DateTime.Now.ToString("yyyy-MM-dd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture));
    var copies = await SqliteBackup.BackUpAsync(SqliteBackup.ServiceDatabases.Select(d => Path.Combine(args[1], d + ".db")), target);
    Copy(args[1], target);
    Console.WriteLine($"Backed up {copies.Count} databases and their keys into {target}");
    return copies.Count > 0 ? 0 : 1;
}

var restored = await SqliteBackup.RestoreAsync(args[1], args[2]);
Copy(args[1], args[2]);
Console.WriteLine($"Restored {restored.Count} databases and their keys from {args[1]} into {args[2]}");
return 0;

void Copy(string from, string to)
{
    foreach (var item in keptWithThem)
    {
        var source = Path.Combine(from, item);
        var target = Path.Combine(to, item);
        if (File.Exists(source))
        {
            File.Copy(source, target, overwrite: true);
        }
        else if (Directory.Exists(source))
        {
            Directory.CreateDirectory(target);
            foreach (var file in Directory.GetFiles(source))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
            }
        }
    }
}
