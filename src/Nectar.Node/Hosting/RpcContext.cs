using Microsoft.Extensions.Logging;
using Nectar.Chain.Execution;
using Nectar.Chain.Genesis;
using Nectar.Chain.Persistence;
using Nectar.Chain.Sequencing;
using Nectar.Chain.TxPool;
using Nectar.Crypto;
using Nectar.Node.Configuration;
using Nectar.Privacy.Sessions;

namespace Nectar.Node.Hosting;

/// <summary>What the RPC endpoint is composed from: the running chain side of the node.</summary>
internal sealed record RpcContext(
    NodeOptions Options,
    ChainSpec Spec,
    ChainStore Chain,
    TransactionPool Pool,
    Sequencer Sequencer,
    BlockProcessor Processor,
    ISecp256k1 Secp256k1,
    IAccountAdmission Admission,
    NodeHealthProbe Health,
    NodeMetricsSource Metrics,
    ILoggerFactory LoggerFactory);
