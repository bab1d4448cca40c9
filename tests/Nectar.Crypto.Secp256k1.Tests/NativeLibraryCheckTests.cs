namespace Nectar.Crypto.Secp256k1.Tests;

public sealed class NativeLibraryCheckTests
{
    [Fact]
    public void Installed_library_passes_the_check()
    {
        Assert.Null(NativeLibraryCheck.Probe("libsecp256k1.so.1"));
    }

    [Fact]
    public void Missing_library_names_the_debian_package_to_install()
    {
        var error = NativeLibraryCheck.Probe("libsecp256k1-missing.so.9");
        Assert.NotNull(error);
        Assert.Contains("libsecp256k1-1", error, StringComparison.Ordinal);
        Assert.Contains("apt-get install", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Library_without_the_recovery_module_is_reported()
    {
        // libc loads but exports no secp256k1 symbols, like a build without the recovery module.
        var error = NativeLibraryCheck.Probe("libc.so.6");
        Assert.NotNull(error);
        Assert.Contains("recovery module", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Disposed_instance_refuses_further_calls()
    {
        var library = new LibSecp256k1();
        library.Dispose();
        Assert.Throws<ObjectDisposedException>(() => library.IsValidPrivateKey(new byte[32]));
    }
}
