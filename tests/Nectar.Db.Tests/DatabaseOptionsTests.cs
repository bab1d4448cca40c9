namespace Nectar.Db.Tests;

public sealed class DatabaseOptionsTests
{
    [Fact]
    public void Default_options_with_a_path_are_valid()
    {
        new DatabaseOptions { Path = "/tmp/db" }.Validate(requirePath: true);
        new DatabaseOptions().Validate(requirePath: false);
    }

    [Fact]
    public void Rejects_a_missing_path_when_one_is_required()
    {
        var error = Assert.Throws<ArgumentException>(() => new DatabaseOptions().Validate(requirePath: true));
        Assert.Contains("Path is required", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new DatabaseOptions { Path = "  " }.Validate(requirePath: true));
    }

    [Fact]
    public void Rejects_a_path_with_a_nul_character()
    {
        var error = Assert.Throws<ArgumentException>(() => new DatabaseOptions { Path = "/tmp/a\0b" }.Validate(requirePath: false));
        Assert.Contains("NUL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_duplicate_and_empty_column_names()
    {
        var error = Assert.Throws<ArgumentException>(() => new DatabaseOptions { Columns = ["a", "b", "a", ""] }.Validate(requirePath: false));
        Assert.Contains("column 'a' is listed more than once", error.Message, StringComparison.Ordinal);
        Assert.Contains("a column name is null or empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_negative_cache_and_a_tiny_write_buffer_reporting_both()
    {
        var error = Assert.Throws<ArgumentException>(() => new DatabaseOptions { BlockCacheSize = -1, WriteBufferSize = 1024 }.Validate(requirePath: false));
        Assert.Contains("BlockCacheSize must be 0 or more bytes, not -1", error.Message, StringComparison.Ordinal);
        Assert.Contains("WriteBufferSize must be at least 65536 bytes, not 1024", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_a_disabled_cache_and_the_smallest_write_buffer()
    {
        new DatabaseOptions { BlockCacheSize = 0, WriteBufferSize = DatabaseOptions.MinWriteBufferSize }.Validate(requirePath: false);
    }

    [Fact]
    public void Resolved_columns_start_with_the_default_column_and_drop_repeats_of_it()
    {
        Assert.Equal(["default", "b", "a"], new DatabaseOptions { Columns = ["b", "default", "a"] }.ResolveColumns());
        Assert.Equal(["default"], new DatabaseOptions().ResolveColumns());
    }

    [Fact]
    public void Memory_database_validates_its_options()
    {
        Assert.Throws<ArgumentException>(() => new MemoryDatabase("x", "x"));
    }
}
