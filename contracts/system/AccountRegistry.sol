// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.30;

/// @title AccountRegistry
/// @notice The admitted accounts of the Nectar network: organizations, their members and each member's roles.
/// An account is admitted while its member record is active and its organization is active; a member's
/// roles count only while it is admitted, so deactivating an organization withdraws every member at once.
/// @dev Predeployed in genesis at a fixed system address. No constructor ever runs: every initial value is
/// written straight into storage by the genesis builder (Nectar.Contracts.Registry.AccountRegistryGenesis), so
/// the storage layout is part of this contract's interface. A test pins it against the compiler's layout;
/// never reorder, retype or insert state variables or struct fields.
///
/// Storage layout (offsets count bytes from the least significant end of the 32-byte slot):
///
///   slot 0   organizationCount           uint64  offset 0
///   slot 1   _organizations              mapping(uint64 => Organization)
///            entry base = keccak256(abi.encode(uint256(orgId), uint256(1)))
///              base + 0   active         bool    offset 0
///                         createdAt      uint64  offset 1
///              base + 1   name           string  (31 bytes or less: the bytes left-aligned, length * 2 in
///                                                 the lowest byte; longer: length * 2 + 1 here and the bytes
///                                                 from slot keccak256(abi.encode(base + 1)) on)
///   slot 2   _members                    mapping(address => Member)
///            entry base = keccak256(abi.encode(account, uint256(2)))
///              base + 0   orgId          uint64  offset 0
///                         roles          uint32  offset 8
///                         active         bool    offset 12
///                         admittedAt     uint64  offset 13
///
/// Organization ids run from 1 to organizationCount; id 0 means "no organization".
contract AccountRegistry {
    /// @notice May use the network: send transactions and read what its policies allow.
    uint32 public constant ROLE_USER = 1 << 0;
    /// @notice Admits, changes and revokes the plain members (users, node operators) of its own organization.
    uint32 public constant ROLE_ORG_ADMIN = 1 << 1;
    /// @notice A DSP Auditor: audits DSPs when they join and every quarter.
    uint32 public constant ROLE_AUDITOR = 1 << 2;
    /// @notice Operates a node of its organization; nodes authenticate to each other with this account.
    uint32 public constant ROLE_NODE_OPERATOR = 1 << 3;
    /// @notice A DSP Authorizer: assesses a DSP's compliance before its audit.
    uint32 public constant ROLE_AUTHORIZER = 1 << 4;
    /// @notice Governs the network: registers organizations, appoints organization admins, grants any role.
    uint32 public constant ROLE_GOVERNOR = 1 << 5;

    /// @notice Every role this contract knows; other bits are refused.
    uint32 public constant ALL_ROLES =
        ROLE_USER | ROLE_ORG_ADMIN | ROLE_AUDITOR | ROLE_NODE_OPERATOR | ROLE_AUTHORIZER | ROLE_GOVERNOR;
    /// @notice The roles an organization admin may grant, change or revoke; every other role is the governor's.
    uint32 public constant ORG_ADMIN_GRANTABLE = ROLE_USER | ROLE_NODE_OPERATOR;
    /// @notice The longest organization name, in UTF-8 bytes.
    uint256 public constant MAX_NAME_LENGTH = 128;

    /// @notice A registered organization (a DSP, a hospital, a research group, the network's governance).
    struct Organization {
        bool active;
        uint64 createdAt;
        string name;
    }

    /// @notice The record of one account; kept after revocation, with active = false, as the last known state.
    struct Member {
        uint64 orgId;
        uint32 roles;
        bool active;
        uint64 admittedAt;
    }

    /// @notice Number of registered organizations; also the highest organization id.
    uint64 public organizationCount;
    mapping(uint64 orgId => Organization) private _organizations;
    mapping(address account => Member) private _members;

    /// @notice A governor registered an organization, active from now on.
    event OrganizationRegistered(uint64 indexed orgId, string name, address indexed actor);
    /// @notice A governor activated or deactivated an organization (and with it every member's admission).
    event OrganizationActiveChanged(uint64 indexed orgId, bool active, address indexed actor);
    /// @notice An account was admitted into an organization with the given roles.
    event MemberAdmitted(address indexed account, uint64 indexed orgId, uint32 roles, address indexed actor);
    /// @notice An admitted account's roles changed.
    event MemberRolesChanged(
        address indexed account, uint64 indexed orgId, uint32 previousRoles, uint32 roles, address indexed actor
    );
    /// @notice An account's admission was revoked.
    event MemberRevoked(address indexed account, uint64 indexed orgId, address indexed actor);

    /// @notice The caller is not an admitted governor.
    error NotGovernor(address caller);
    /// @notice The caller is neither an admitted governor nor an admitted admin of the organization.
    error NotOrganizationAdmin(address caller, uint64 orgId);
    /// @notice No organization has this id.
    error UnknownOrganization(uint64 orgId);
    /// @notice The organization is deactivated; nobody can be admitted into it.
    error OrganizationInactive(uint64 orgId);
    /// @notice The organization already has the requested status.
    error OrganizationStatusUnchanged(uint64 orgId, bool active);
    /// @notice An organization name must have 1 to MAX_NAME_LENGTH bytes.
    error InvalidOrganizationName(uint256 length);
    /// @notice The zero address cannot be a member.
    error ZeroAddress();
    /// @notice Accounts never manage their own membership or deactivate their own organization.
    error SelfManagement(address account);
    /// @notice The account is already an active member (of the named organization); revoke it first.
    error AlreadyAdmitted(address account, uint64 orgId);
    /// @notice The account has no active membership.
    error NotAdmitted(address account);
    /// @notice Roles must be non-zero and contain only known role bits.
    error InvalidRoles(uint32 roles);
    /// @notice One account cannot be an Auditor and an Authorizer at the same time.
    error ConflictingRoles(uint32 roles);
    /// @notice The caller may not grant or take away these roles (the offending bits).
    error RolesNotGrantable(uint32 roles);
    /// @notice The member already has exactly these roles.
    error RolesUnchanged(address account, uint32 roles);

    /// @notice Whether the account is an active member of an active organization.
    function isAdmitted(address account) external view returns (bool) {
        return _effectiveRoles(account) != 0;
    }

    /// @notice The account's roles while it is admitted; zero otherwise.
    function rolesOf(address account) external view returns (uint32) {
        return _effectiveRoles(account);
    }

    /// @notice Whether the account is admitted and holds every bit of role (a non-zero role mask).
    function hasRole(address account, uint32 role) external view returns (bool) {
        return role != 0 && (_effectiveRoles(account) & role) == role;
    }

    /// @notice The account's record as stored, including a revoked one; all zero for an unknown account.
    function memberOf(address account) external view returns (Member memory) {
        return _members[account];
    }

    /// @notice The organization's record.
    function organization(uint64 orgId) external view returns (Organization memory) {
        return _existingOrganization(orgId);
    }

    /// @notice Registers a new, active organization. Governors only.
    /// @return orgId The new organization's id, organizationCount after the call.
    function registerOrganization(string calldata name) external returns (uint64 orgId) {
        _requireGovernor();
        uint256 length = bytes(name).length;
        if (length == 0 || length > MAX_NAME_LENGTH) revert InvalidOrganizationName(length);

        orgId = organizationCount + 1;
        organizationCount = orgId;
        Organization storage org = _organizations[orgId];
        org.active = true;
        org.createdAt = uint64(block.timestamp);
        org.name = name;
        emit OrganizationRegistered(orgId, name, msg.sender);
    }

    /// @notice Activates or deactivates an organization. Governors only, and never their own organization.
    function setOrganizationActive(uint64 orgId, bool active) external {
        _requireGovernor();
        Organization storage org = _existingOrganization(orgId);
        if (org.active == active) revert OrganizationStatusUnchanged(orgId, active);
        // A governor deactivating its own organization would withdraw its own authority, and perhaps the last.
        if (_members[msg.sender].orgId == orgId) revert SelfManagement(msg.sender);

        org.active = active;
        emit OrganizationActiveChanged(orgId, active, msg.sender);
    }

    /// @notice Admits an account into an organization with the given roles. The organization's admins may
    /// grant ORG_ADMIN_GRANTABLE roles; governors may grant any role.
    function admit(address account, uint64 orgId, uint32 roles) external {
        bool governor = _requireManager(orgId);
        if (account == address(0)) revert ZeroAddress();
        if (account == msg.sender) revert SelfManagement(account);
        if (!_existingOrganization(orgId).active) revert OrganizationInactive(orgId);
        Member storage member = _members[account];
        if (member.active) revert AlreadyAdmitted(account, member.orgId);
        _requireValidRoles(roles);
        if (!governor) _requireGrantable(roles);

        member.orgId = orgId;
        member.roles = roles;
        member.active = true;
        member.admittedAt = uint64(block.timestamp);
        emit MemberAdmitted(account, orgId, roles, msg.sender);
    }

    /// @notice Replaces an admitted member's roles. Organization admins may only change members whose old and
    /// new roles are all ORG_ADMIN_GRANTABLE; governors may change anyone's.
    function setRoles(address account, uint32 roles) external {
        Member storage member = _members[account];
        uint64 orgId = member.orgId;
        bool governor = _requireManager(orgId);
        if (!member.active) revert NotAdmitted(account);
        if (account == msg.sender) revert SelfManagement(account);
        _requireValidRoles(roles);
        uint32 previous = member.roles;
        if (!governor) _requireGrantable(previous | roles);
        if (previous == roles) revert RolesUnchanged(account, roles);

        member.roles = roles;
        emit MemberRolesChanged(account, orgId, previous, roles, msg.sender);
    }

    /// @notice Revokes an account's admission; its record stays, inactive. Organization admins may only revoke
    /// members whose roles are all ORG_ADMIN_GRANTABLE; governors may revoke anyone but themselves.
    function revoke(address account) external {
        Member storage member = _members[account];
        uint64 orgId = member.orgId;
        bool governor = _requireManager(orgId);
        if (!member.active) revert NotAdmitted(account);
        if (account == msg.sender) revert SelfManagement(account);
        if (!governor) _requireGrantable(member.roles);

        member.active = false;
        emit MemberRevoked(account, orgId, msg.sender);
    }

    function _effectiveRoles(address account) private view returns (uint32) {
        Member storage member = _members[account];
        if (!member.active || !_organizations[member.orgId].active) return 0;
        return member.roles;
    }

    function _existingOrganization(uint64 orgId) private view returns (Organization storage org) {
        if (orgId == 0 || orgId > organizationCount) revert UnknownOrganization(orgId);
        return _organizations[orgId];
    }

    function _requireGovernor() private view {
        if (_effectiveRoles(msg.sender) & ROLE_GOVERNOR == 0) revert NotGovernor(msg.sender);
    }

    /// @dev Passes for admitted governors (returns true) and admitted admins of orgId (returns false).
    function _requireManager(uint64 orgId) private view returns (bool governor) {
        uint32 roles = _effectiveRoles(msg.sender);
        if (roles & ROLE_GOVERNOR != 0) return true;
        if (roles & ROLE_ORG_ADMIN == 0 || _members[msg.sender].orgId != orgId) {
            revert NotOrganizationAdmin(msg.sender, orgId);
        }
        return false;
    }

    function _requireValidRoles(uint32 roles) private pure {
        if (roles == 0 || roles & ~ALL_ROLES != 0) revert InvalidRoles(roles);
        if (roles & (ROLE_AUDITOR | ROLE_AUTHORIZER) == (ROLE_AUDITOR | ROLE_AUTHORIZER)) {
            revert ConflictingRoles(roles);
        }
    }

    function _requireGrantable(uint32 roles) private pure {
        uint32 offending = roles & ~ORG_ADMIN_GRANTABLE;
        if (offending != 0) revert RolesNotGrantable(offending);
    }
}
