namespace Nectar.Evm;

/// <summary>The EVM instruction set through Prague, by byte value.</summary>
public enum Opcode : byte
{
    /// <summary>Halts successfully.</summary>
    STOP = 0x00,

    /// <summary>Addition modulo 2^256.</summary>
    ADD = 0x01,

    /// <summary>Multiplication modulo 2^256.</summary>
    MUL = 0x02,

    /// <summary>Subtraction modulo 2^256.</summary>
    SUB = 0x03,

    /// <summary>Unsigned division (x / 0 = 0).</summary>
    DIV = 0x04,

    /// <summary>Signed division.</summary>
    SDIV = 0x05,

    /// <summary>Unsigned modulo.</summary>
    MOD = 0x06,

    /// <summary>Signed modulo.</summary>
    SMOD = 0x07,

    /// <summary>(a + b) mod n without overflow.</summary>
    ADDMOD = 0x08,

    /// <summary>(a * b) mod n without overflow.</summary>
    MULMOD = 0x09,

    /// <summary>Exponentiation modulo 2^256.</summary>
    EXP = 0x0A,

    /// <summary>Sign extension from byte b.</summary>
    SIGNEXTEND = 0x0B,

    /// <summary>Unsigned less-than.</summary>
    LT = 0x10,

    /// <summary>Unsigned greater-than.</summary>
    GT = 0x11,

    /// <summary>Signed less-than.</summary>
    SLT = 0x12,

    /// <summary>Signed greater-than.</summary>
    SGT = 0x13,

    /// <summary>Equality.</summary>
    EQ = 0x14,

    /// <summary>Is zero.</summary>
    ISZERO = 0x15,

    /// <summary>Bitwise and.</summary>
    AND = 0x16,

    /// <summary>Bitwise or.</summary>
    OR = 0x17,

    /// <summary>Bitwise xor.</summary>
    XOR = 0x18,

    /// <summary>Bitwise not.</summary>
    NOT = 0x19,

    /// <summary>One byte of a word.</summary>
    BYTE = 0x1A,

    /// <summary>Shift left (EIP-145).</summary>
    SHL = 0x1B,

    /// <summary>Logical shift right (EIP-145).</summary>
    SHR = 0x1C,

    /// <summary>Arithmetic shift right (EIP-145).</summary>
    SAR = 0x1D,

    /// <summary>Keccak-256 of a memory range.</summary>
    KECCAK256 = 0x20,

    /// <summary>The executing account.</summary>
    ADDRESS = 0x30,

    /// <summary>An account's balance.</summary>
    BALANCE = 0x31,

    /// <summary>The transaction sender.</summary>
    ORIGIN = 0x32,

    /// <summary>The caller.</summary>
    CALLER = 0x33,

    /// <summary>The value sent with the call.</summary>
    CALLVALUE = 0x34,

    /// <summary>A word of call data.</summary>
    CALLDATALOAD = 0x35,

    /// <summary>Call data length.</summary>
    CALLDATASIZE = 0x36,

    /// <summary>Copies call data to memory.</summary>
    CALLDATACOPY = 0x37,

    /// <summary>Executing code length.</summary>
    CODESIZE = 0x38,

    /// <summary>Copies executing code to memory.</summary>
    CODECOPY = 0x39,

    /// <summary>The effective gas price.</summary>
    GASPRICE = 0x3A,

    /// <summary>An account's code length.</summary>
    EXTCODESIZE = 0x3B,

    /// <summary>Copies an account's code to memory.</summary>
    EXTCODECOPY = 0x3C,

    /// <summary>Length of the last call's output (EIP-211).</summary>
    RETURNDATASIZE = 0x3D,

    /// <summary>Copies the last call's output to memory (EIP-211).</summary>
    RETURNDATACOPY = 0x3E,

    /// <summary>An account's code hash (EIP-1052).</summary>
    EXTCODEHASH = 0x3F,

    /// <summary>The hash of one of the 256 previous blocks.</summary>
    BLOCKHASH = 0x40,

    /// <summary>The block's fee recipient.</summary>
    COINBASE = 0x41,

    /// <summary>The block timestamp.</summary>
    TIMESTAMP = 0x42,

    /// <summary>The block number.</summary>
    NUMBER = 0x43,

    /// <summary>DIFFICULTY before the Merge, PREVRANDAO after (EIP-4399).</summary>
    PREVRANDAO = 0x44,

    /// <summary>The block gas limit.</summary>
    GASLIMIT = 0x45,

    /// <summary>The chain id (EIP-1344).</summary>
    CHAINID = 0x46,

    /// <summary>The executing account's balance (EIP-1884).</summary>
    SELFBALANCE = 0x47,

    /// <summary>The block base fee (EIP-3198).</summary>
    BASEFEE = 0x48,

    /// <summary>A blob versioned hash of the transaction (EIP-4844).</summary>
    BLOBHASH = 0x49,

    /// <summary>The blob base fee (EIP-7516).</summary>
    BLOBBASEFEE = 0x4A,

    /// <summary>Removes the top item.</summary>
    POP = 0x50,

    /// <summary>Loads a memory word.</summary>
    MLOAD = 0x51,

    /// <summary>Stores a memory word.</summary>
    MSTORE = 0x52,

    /// <summary>Stores a memory byte.</summary>
    MSTORE8 = 0x53,

    /// <summary>Loads a storage slot.</summary>
    SLOAD = 0x54,

    /// <summary>Stores a storage slot.</summary>
    SSTORE = 0x55,

    /// <summary>Jumps to a JUMPDEST.</summary>
    JUMP = 0x56,

    /// <summary>Jumps to a JUMPDEST when the condition is non-zero.</summary>
    JUMPI = 0x57,

    /// <summary>The position of this instruction.</summary>
    PC = 0x58,

    /// <summary>Memory size in bytes.</summary>
    MSIZE = 0x59,

    /// <summary>Remaining gas after this instruction.</summary>
    GAS = 0x5A,

    /// <summary>Marks a jump destination.</summary>
    JUMPDEST = 0x5B,

    /// <summary>Loads transient storage (EIP-1153).</summary>
    TLOAD = 0x5C,

    /// <summary>Stores transient storage (EIP-1153).</summary>
    TSTORE = 0x5D,

    /// <summary>Copies within memory (EIP-5656).</summary>
    MCOPY = 0x5E,

    /// <summary>Pushes zero (EIP-3855).</summary>
    PUSH0 = 0x5F,

    /// <summary>Pushes the next 1 code byte.</summary>
    PUSH1 = 0x60,

    /// <summary>Pushes the next 2 code bytes.</summary>
    PUSH2 = 0x61,

    /// <summary>Pushes the next 3 code bytes.</summary>
    PUSH3 = 0x62,

    /// <summary>Pushes the next 4 code bytes.</summary>
    PUSH4 = 0x63,

    /// <summary>Pushes the next 5 code bytes.</summary>
    PUSH5 = 0x64,

    /// <summary>Pushes the next 6 code bytes.</summary>
    PUSH6 = 0x65,

    /// <summary>Pushes the next 7 code bytes.</summary>
    PUSH7 = 0x66,

    /// <summary>Pushes the next 8 code bytes.</summary>
    PUSH8 = 0x67,

    /// <summary>Pushes the next 9 code bytes.</summary>
    PUSH9 = 0x68,

    /// <summary>Pushes the next 10 code bytes.</summary>
    PUSH10 = 0x69,

    /// <summary>Pushes the next 11 code bytes.</summary>
    PUSH11 = 0x6A,

    /// <summary>Pushes the next 12 code bytes.</summary>
    PUSH12 = 0x6B,

    /// <summary>Pushes the next 13 code bytes.</summary>
    PUSH13 = 0x6C,

    /// <summary>Pushes the next 14 code bytes.</summary>
    PUSH14 = 0x6D,

    /// <summary>Pushes the next 15 code bytes.</summary>
    PUSH15 = 0x6E,

    /// <summary>Pushes the next 16 code bytes.</summary>
    PUSH16 = 0x6F,

    /// <summary>Pushes the next 17 code bytes.</summary>
    PUSH17 = 0x70,

    /// <summary>Pushes the next 18 code bytes.</summary>
    PUSH18 = 0x71,

    /// <summary>Pushes the next 19 code bytes.</summary>
    PUSH19 = 0x72,

    /// <summary>Pushes the next 20 code bytes.</summary>
    PUSH20 = 0x73,

    /// <summary>Pushes the next 21 code bytes.</summary>
    PUSH21 = 0x74,

    /// <summary>Pushes the next 22 code bytes.</summary>
    PUSH22 = 0x75,

    /// <summary>Pushes the next 23 code bytes.</summary>
    PUSH23 = 0x76,

    /// <summary>Pushes the next 24 code bytes.</summary>
    PUSH24 = 0x77,

    /// <summary>Pushes the next 25 code bytes.</summary>
    PUSH25 = 0x78,

    /// <summary>Pushes the next 26 code bytes.</summary>
    PUSH26 = 0x79,

    /// <summary>Pushes the next 27 code bytes.</summary>
    PUSH27 = 0x7A,

    /// <summary>Pushes the next 28 code bytes.</summary>
    PUSH28 = 0x7B,

    /// <summary>Pushes the next 29 code bytes.</summary>
    PUSH29 = 0x7C,

    /// <summary>Pushes the next 30 code bytes.</summary>
    PUSH30 = 0x7D,

    /// <summary>Pushes the next 31 code bytes.</summary>
    PUSH31 = 0x7E,

    /// <summary>Pushes the next 32 code bytes.</summary>
    PUSH32 = 0x7F,

    /// <summary>Duplicates stack item 1.</summary>
    DUP1 = 0x80,

    /// <summary>Duplicates stack item 2.</summary>
    DUP2 = 0x81,

    /// <summary>Duplicates stack item 3.</summary>
    DUP3 = 0x82,

    /// <summary>Duplicates stack item 4.</summary>
    DUP4 = 0x83,

    /// <summary>Duplicates stack item 5.</summary>
    DUP5 = 0x84,

    /// <summary>Duplicates stack item 6.</summary>
    DUP6 = 0x85,

    /// <summary>Duplicates stack item 7.</summary>
    DUP7 = 0x86,

    /// <summary>Duplicates stack item 8.</summary>
    DUP8 = 0x87,

    /// <summary>Duplicates stack item 9.</summary>
    DUP9 = 0x88,

    /// <summary>Duplicates stack item 10.</summary>
    DUP10 = 0x89,

    /// <summary>Duplicates stack item 11.</summary>
    DUP11 = 0x8A,

    /// <summary>Duplicates stack item 12.</summary>
    DUP12 = 0x8B,

    /// <summary>Duplicates stack item 13.</summary>
    DUP13 = 0x8C,

    /// <summary>Duplicates stack item 14.</summary>
    DUP14 = 0x8D,

    /// <summary>Duplicates stack item 15.</summary>
    DUP15 = 0x8E,

    /// <summary>Duplicates stack item 16.</summary>
    DUP16 = 0x8F,

    /// <summary>Swaps the top with stack item 2.</summary>
    SWAP1 = 0x90,

    /// <summary>Swaps the top with stack item 3.</summary>
    SWAP2 = 0x91,

    /// <summary>Swaps the top with stack item 4.</summary>
    SWAP3 = 0x92,

    /// <summary>Swaps the top with stack item 5.</summary>
    SWAP4 = 0x93,

    /// <summary>Swaps the top with stack item 6.</summary>
    SWAP5 = 0x94,

    /// <summary>Swaps the top with stack item 7.</summary>
    SWAP6 = 0x95,

    /// <summary>Swaps the top with stack item 8.</summary>
    SWAP7 = 0x96,

    /// <summary>Swaps the top with stack item 9.</summary>
    SWAP8 = 0x97,

    /// <summary>Swaps the top with stack item 10.</summary>
    SWAP9 = 0x98,

    /// <summary>Swaps the top with stack item 11.</summary>
    SWAP10 = 0x99,

    /// <summary>Swaps the top with stack item 12.</summary>
    SWAP11 = 0x9A,

    /// <summary>Swaps the top with stack item 13.</summary>
    SWAP12 = 0x9B,

    /// <summary>Swaps the top with stack item 14.</summary>
    SWAP13 = 0x9C,

    /// <summary>Swaps the top with stack item 15.</summary>
    SWAP14 = 0x9D,

    /// <summary>Swaps the top with stack item 16.</summary>
    SWAP15 = 0x9E,

    /// <summary>Swaps the top with stack item 17.</summary>
    SWAP16 = 0x9F,

    /// <summary>Appends a log with 0 topics.</summary>
    LOG0 = 0xA0,

    /// <summary>Appends a log with 1 topic.</summary>
    LOG1 = 0xA1,

    /// <summary>Appends a log with 2 topics.</summary>
    LOG2 = 0xA2,

    /// <summary>Appends a log with 3 topics.</summary>
    LOG3 = 0xA3,

    /// <summary>Appends a log with 4 topics.</summary>
    LOG4 = 0xA4,

    /// <summary>Creates a contract.</summary>
    CREATE = 0xF0,

    /// <summary>Calls an account.</summary>
    CALL = 0xF1,

    /// <summary>Runs another account's code in this context with a value.</summary>
    CALLCODE = 0xF2,

    /// <summary>Halts returning memory.</summary>
    RETURN = 0xF3,

    /// <summary>Runs another account's code in this context, keeping caller and value (EIP-7).</summary>
    DELEGATECALL = 0xF4,

    /// <summary>Creates a contract at a salted address (EIP-1014).</summary>
    CREATE2 = 0xF5,

    /// <summary>Calls an account forbidding state changes (EIP-214).</summary>
    STATICCALL = 0xFA,

    /// <summary>Halts, undoing changes and returning memory (EIP-140).</summary>
    REVERT = 0xFD,

    /// <summary>The designated invalid instruction (EIP-141).</summary>
    INVALID = 0xFE,

    /// <summary>Sends the balance away and, when allowed, deletes the account.</summary>
    SELFDESTRUCT = 0xFF,
}
