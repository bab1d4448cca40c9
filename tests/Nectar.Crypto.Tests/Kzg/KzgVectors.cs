namespace Nectar.Crypto.Tests.Kzg;

/// <summary>
/// Openings of small polynomials p(X) = a + bX + cX^2 committed with the mainnet setup's [τ]G1 and [τ^2]G1, each
/// confirmed to verify (and to fail with y + 1) by the c-kzg-4844 library.
/// </summary>
internal static class KzgVectors
{
    internal static readonly (string Commitment, string Z, string Y, string Proof)[] Valid =
    [
        ("b2b956aad247eca6706e73ee21cdb0def4d8b39e242a5ff5393ca2cc9dfd9265ed74f87d3abc320199b6a591d60acdf9", "00000000000000006e81efcbdf28571585cc9f354fa5e9266413d2b4094e140a", "4dc73dbec75fb9ec480f988a51f9275e16f2d85be85f7bfe3c0c8ae9d143f8ef", "80543d479d2c274cd0aec8a50e06c4b054896e850aaf96d387dee6ccfe13935fc559dfdbdcef88427535f8689989d1c8"),
        ("81b2e9e6a4009e922fb7111e9824fd0931e630686bd24f5ec55d14fc62fcaebdaf9e1ab0b6205cbe11798dc3c665545b", "0000000000000000183fdd54c440d9cf8efa11dc1a549a5c30a654cfa195da62", "57ee934677b6cdffa9a35aa47db4113f9c66e267143d047cc7a363f6b0d0c6aa", "85849ed5f5a69aa6fe66ec46dc4ac6238658d8d13d604babfe8dc7df8b4521dcd9ed5a30b4388df871521d6dc18730b4"),
        ("80171bdabe178dae15d1512b582b57f0828cdfaf026d89cafd34bce3d52918ab29a0d60c907755dd2afb63dd9ef8b18e", "000000000000000098e69c360643e7ad3798c0f3e9a1bf235596dee46c4a1fda", "112661b2c2c6855577c4094752c5f3e756db2364caa078a28c66d53a3965daa1", "93d9c38ce37350f689fc868fee92b51193ac039bb0ff8a32e8d5c48709ad8c0e2087a99e3f7514a7cc6c818c51b862b4"),
        ("b6e01d338321852af33b062adc37b7c1423a3b9012cbe7dc96e9962126998c5f6fc865858e15a0380852ddcf0a7ffced", "00000000000000002424908aee87fb75ad00f1e30bea77955e7576b1af176521", "123e3342b880310a2060c2f7bc0bdf5e298939e9e2e2234d3fbce4165e1333ab", "aeff0b3b7dfb88be0435e78b72cc2f2604f365af80bccef5de874234d20e94b5a6f5be5a4638921566f54508173a7db8"),
    ];

    /// <summary>The compressed point at infinity: commitment and proof of the zero polynomial.</summary>
    internal const string Infinity = "c00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000";
}
