using System.Runtime.InteropServices;

namespace Nectar.Crypto.AltBn128;

/// <summary>One pair of the pairing check: an affine G1 point P and an affine G2 point Q, neither at infinity.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct PairingInput
{
    public readonly Fp PX;
    public readonly Fp PY;
    public readonly Fp2 QX;
    public readonly Fp2 QY;

    public PairingInput(in Fp px, in Fp py, in Fp2 qx, in Fp2 qy)
    {
        PX = px;
        PY = py;
        QX = qx;
        QY = qy;
    }
}
