// The Key Vault that holds the person-key pepper (and, later, signing material). Access is by Entra RBAC only.

@minLength(3)
@maxLength(24)
param name string

param location string
param tags object

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    // Roles, not access policies: the app gets Key Vault Secrets User, operators Key Vault Secrets Officer.
    enableRbacAuthorization: true
    // Losing the pepper loses the link between every stored person key and the person: keep deleted secrets
    // recoverable, and forbid purging them before the retention period ends.
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

output name string = vault.name
output id string = vault.id
output uri string = vault.properties.vaultUri
