// The Hub as a Functions custom handler on a Linux Flex Consumption plan, with a system-assigned identity and
// every connection identity-based.

param name string
param location string
param tags object

param hostStorageName string
param hostBlobEndpoint string
param deploymentContainerName string

param hubStorageName string
param hubQueueEndpoint string

param keyVaultName string

@description('Secret in the Key Vault that holds the person-key pepper.')
param pepperSecretName string

param insightsConnectionString string

@description('The Entra ID authority tokens are validated against.')
param authAuthority string

@description('The audience tokens must carry: the Hub API\'s application ID URI or client id.')
param authAudience string

@description('Most instances the plan scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory per instance, in MB.')
@allowed([ 512, 2048, 4096 ])
param instanceMemoryMB int

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: {
    // Linux.
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${hostBlobEndpoint}${deploymentContainerName}'
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      // On Flex Consumption the worker runtime is set here, not as the FUNCTIONS_WORKER_RUNTIME app setting
      // (the plan rejects that setting); 'custom' is what FUNCTIONS_WORKER_RUNTIME=custom means elsewhere: the host
      // starts host.json's customHandler executable (the self-contained Hub.Functions) and forwards to it.
      runtime: { name: 'custom', version: '1.0' }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        // The host's own storage, through the managed identity.
        { name: 'AzureWebJobsStorage__accountName', value: hostStorageName }
        // The queue triggers' connection ("connection": "HubStorage" in function.json): the Hub's account.
        { name: 'HubStorage__queueServiceUri', value: hubQueueEndpoint }
        { name: 'HubStorage__credential', value: 'managedidentity' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insightsConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'Authorization=AAD' }
        // The Hub's configuration (Hub:Storage:AccountName etc.). AccountName makes the Hub use the managed
        // identity; no connection string and no key is set.
        { name: 'Hub__Storage__AccountName', value: hubStorageName }
        { name: 'Hub__Storage__NamePrefix', value: '' }
        // Resolved by the platform with the app's identity; the value never appears in the app settings. No
        // secret version is named, so a rotated pepper is picked up (see infra/README.md before rotating).
        { name: 'Hub__PersonKey__Pepper', value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${pepperSecretName})' }
        // The key that wraps each person's data key (sensitive values are sealed with those). A rotation adds a
        // second key setting under a new id and makes it current (see infra/README.md).
        { name: 'Hub__Protection__Keys__k1', value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=protection-key-1)' }
        { name: 'Hub__Protection__CurrentKey', value: 'k1' }
        { name: 'Hub__Auth__Authority', value: authAuthority }
        { name: 'Hub__Auth__Audience', value: authAudience }
      ]
    }
  }
}

output name string = app.name
output principalId string = app.identity.principalId
output defaultHostName string = app.properties.defaultHostName
