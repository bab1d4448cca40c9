// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.30;

import {Counter} from "nectar-contracts/test/Counter.sol";

/// @notice The cheat codes this script uses (forge-std is not vendored; the interface is all a script needs).
interface Vm {
    function envUint(string calldata name) external view returns (uint256);
    function startBroadcast(uint256 privateKey) external;
    function stopBroadcast() external;
}

/// @notice Deploys a Counter and calls it twice, all broadcast as transactions of E2E_PRIVATE_KEY's account.
contract DeployCounter {
    Vm private constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    function run() external returns (Counter counter) {
        vm.startBroadcast(vm.envUint("E2E_PRIVATE_KEY"));
        counter = new Counter();
        counter.increment();
        counter.add(41);
        vm.stopBroadcast();
    }
}
