using Nectar.Core.Specs;
using Nectar.Crypto.Bls12381.Precompiles;

namespace Nectar.Evm.Precompiles;

/// <summary>
/// The BLS12-381 precompiles of EIP-2537 (Prague), 0x0b to 0x11, with the EIP's prices: fixed prices for addition,
/// pairing and mapping, and for the multi-scalar multiplications k times the single multiplication price scaled by
/// a per-k discount (capped at k = 128).
/// </summary>
public sealed class Bls12381Precompile : Precompile
{
    private const long G1AddGas = 375;
    private const long G2AddGas = 600;
    private const long G1MulGas = 12_000;
    private const long G2MulGas = 22_500;
    private const long PairingBaseGas = 37_700;
    private const long PairingPerPairGas = 32_600;
    private const long MapFpToG1Gas = 5_500;
    private const long MapFp2ToG2Gas = 23_800;
    private const long DiscountMultiplier = 1_000;

    private static readonly short[] G1Discounts =
    [
        1000, 949, 848, 797, 764, 750, 738, 728, 719, 712, 705, 698, 692, 687, 682, 677, 673, 669, 665, 661, 658, 654, 651,
        648, 645, 642, 640, 637, 635, 632, 630, 627, 625, 623, 621, 619, 617, 615, 613, 611, 609, 608, 606, 604, 603, 601,
        599, 598, 596, 595, 593, 592, 591, 589, 588, 586, 585, 584, 582, 581, 580, 579, 577, 576, 575, 574, 573, 572, 570,
        569, 568, 567, 566, 565, 564, 563, 562, 561, 560, 559, 558, 557, 556, 555, 554, 553, 552, 551, 550, 549, 548, 547,
        547, 546, 545, 544, 543, 542, 541, 540, 540, 539, 538, 537, 536, 536, 535, 534, 533, 532, 532, 531, 530, 529, 528,
        528, 527, 526, 525, 525, 524, 523, 522, 522, 521, 520, 520, 519,
    ];

    private static readonly short[] G2Discounts =
    [
        1000, 1000, 923, 884, 855, 832, 812, 796, 782, 770, 759, 749, 740, 732, 724, 717, 711, 704, 699, 693, 688, 683, 679,
        674, 670, 666, 663, 659, 655, 652, 649, 646, 643, 640, 637, 634, 632, 629, 627, 624, 622, 620, 618, 615, 613, 611,
        609, 607, 606, 604, 602, 600, 598, 597, 595, 593, 592, 590, 589, 587, 586, 584, 583, 582, 580, 579, 578, 576, 575,
        574, 573, 571, 570, 569, 568, 567, 566, 565, 563, 562, 561, 560, 559, 558, 557, 556, 555, 554, 553, 552, 552, 551,
        550, 549, 548, 547, 546, 545, 545, 544, 543, 542, 541, 541, 540, 539, 538, 537, 537, 536, 535, 535, 534, 533, 532,
        532, 531, 530, 530, 529, 528, 528, 527, 526, 526, 525, 524, 524,
    ];

    /// <summary>Creates the precompile for one operation.</summary>
    /// <param name="operation">Which of the seven operations.</param>
    public Bls12381Precompile(Bls12381Operation operation)
    {
        Operation = operation;
    }

    /// <summary>The operation.</summary>
    public Bls12381Operation Operation { get; }

    /// <inheritdoc />
    public override long GasCost(ReadOnlySpan<byte> input, ForkSpec spec) => Operation switch
    {
        Bls12381Operation.G1Add => G1AddGas,
        Bls12381Operation.G2Add => G2AddGas,
        Bls12381Operation.G1Msm => MsmGas(Bls12G1Msm.PairCount(input.Length), G1MulGas, G1Discounts),
        Bls12381Operation.G2Msm => MsmGas(Bls12G2Msm.PairCount(input.Length), G2MulGas, G2Discounts),
        Bls12381Operation.PairingCheck => PairingBaseGas + (PairingPerPairGas * Bls12PairingCheck.PairCount(input.Length)),
        Bls12381Operation.MapFpToG1 => MapFpToG1Gas,
        Bls12381Operation.MapFp2ToG2 => MapFp2ToG2Gas,
        _ => throw new InvalidOperationException($"Unknown operation {Operation}."),
    };

    /// <inheritdoc />
    public override bool TryRun(ReadOnlySpan<byte> input, out byte[] output)
    {
        bool ok;
        switch (Operation)
        {
            case Bls12381Operation.G1Add:
                output = new byte[Bls12G1Add.OutputLength];
                ok = Bls12G1Add.TryRun(input, output, out _);
                break;
            case Bls12381Operation.G1Msm:
                output = new byte[Bls12G1Msm.OutputLength];
                ok = Bls12G1Msm.TryRun(input, output, out _);
                break;
            case Bls12381Operation.G2Add:
                output = new byte[Bls12G2Add.OutputLength];
                ok = Bls12G2Add.TryRun(input, output, out _);
                break;
            case Bls12381Operation.G2Msm:
                output = new byte[Bls12G2Msm.OutputLength];
                ok = Bls12G2Msm.TryRun(input, output, out _);
                break;
            case Bls12381Operation.PairingCheck:
                output = new byte[Bls12PairingCheck.OutputLength];
                ok = Bls12PairingCheck.TryRun(input, output, out _);
                break;
            case Bls12381Operation.MapFpToG1:
                output = new byte[Bls12MapFpToG1.OutputLength];
                ok = Bls12MapFpToG1.TryRun(input, output, out _);
                break;
            case Bls12381Operation.MapFp2ToG2:
                output = new byte[Bls12MapFp2ToG2.OutputLength];
                ok = Bls12MapFp2ToG2.TryRun(input, output, out _);
                break;
            default:
                throw new InvalidOperationException($"Unknown operation {Operation}.");
        }

        if (!ok)
        {
            output = [];
        }

        return ok;
    }

    private static long MsmGas(int pairs, long multiplicationGas, short[] discounts)
    {
        if (pairs == 0)
        {
            return 0;
        }

        var discount = discounts[Math.Min(pairs, discounts.Length) - 1];
        return pairs * multiplicationGas * discount / DiscountMultiplier;
    }
}
