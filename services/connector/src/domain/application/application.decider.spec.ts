import { deciderSpec } from '@tenure/testing';
import { applicationDecider } from './application.decider';
import type { RegisterApplication } from './application.commands';
import type { ApplicationEvent, SealedCredentials } from './application.events';

const now = new Date('2026-05-10T08:00:00Z');
const at = now.toISOString();
const spec = deciderSpec(applicationDecider);
const sealed: SealedCredentials = { algorithm: 'aes-256-gcm', keyId: 'k1', iv: 'aXY=', tag: 'dGFn', ciphertext: 'c2VhbGVk' };

const register = (overrides: Partial<RegisterApplication['data']> = {}): RegisterApplication => ({
  type: 'RegisterApplication',
  data: {
    applicationId: 'crm',
    name: 'CRM',
    connectorType: 'scim',
    settings: { baseUrl: 'https://crm.example.com/scim/v2' },
    credentials: { names: ['token'], sealed },
    ownerEmployeeNumber: '10005',
    enabled: true,
    now,
    ...overrides,
  },
});
const registered: ApplicationEvent = {
  type: 'ApplicationRegistered',
  data: {
    applicationId: 'crm',
    name: 'CRM',
    connectorType: 'scim',
    settings: { baseUrl: 'https://crm.example.com/scim/v2' },
    credentialNames: ['token'],
    sealedCredentials: sealed,
    ownerEmployeeNumber: '10005',
    enabled: true,
    registeredAt: at,
  },
};
const paused: ApplicationEvent = { type: 'ApplicationPaused', data: { applicationId: 'crm', reason: 'vendor maintenance', pausedAt: at } };
const pause = { type: 'PauseApplication', data: { applicationId: 'crm', reason: 'vendor maintenance', now } } as const;
const resume = { type: 'ResumeApplication', data: { applicationId: 'crm', reason: 'maintenance over', now } } as const;

describe('an application', () => {
  it('given nothing, when registered, then it is registered with its credential names and sealed credentials only', () => {
    spec.given([]).when(register()).then([registered]);
  });

  it('given a registered application, when registered again with the same id, then it is a conflict', () => {
    spec.given([registered]).when(register()).thenThrows({ code: 'conflict', message: 'application "crm" is already registered' });
  });

  it('given nothing, when the id is not a slug or the name or owner is blank, then it is refused naming the field', () => {
    for (const applicationId of ['CRM', 'crm prod', '-crm', 'crm-', '']) {
      spec
        .given([])
        .when(register({ applicationId }))
        .thenThrows({ code: 'validation', details: { field: 'applicationId' } });
    }
    spec
      .given([])
      .when(register({ name: ' ' }))
      .thenThrows({ code: 'validation', details: { field: 'name' } });
    spec
      .given([])
      .when(register({ ownerEmployeeNumber: '' }))
      .thenThrows({ code: 'validation', details: { field: 'ownerEmployeeNumber' } });
  });

  it('given nothing, when registered disabled, then it starts paused', () => {
    spec
      .given([])
      .when(register({ enabled: false }))
      .then([{ ...registered, data: { ...registered.data, enabled: false } } as ApplicationEvent]);
  });

  it('given nothing, when credential names are invalid or repeated, then they are refused', () => {
    for (const names of [['has space'], ['token', 'token']]) {
      spec
        .given([])
        .when(register({ credentials: { names, sealed } }))
        .thenThrows({ code: 'validation', details: { field: 'credentials' } });
    }
  });

  it('given no application, when configured, paused, resumed, given credentials or a new owner, then it is not found', () => {
    const commands = [
      { type: 'ConfigureApplication', data: { applicationId: 'crm', settings: {}, now } },
      { type: 'SetCredentials', data: { applicationId: 'crm', credentials: { names: [], sealed: null }, now } },
      pause,
      resume,
      { type: 'ChangeOwner', data: { applicationId: 'crm', ownerEmployeeNumber: '1', now } },
    ] as const;
    for (const command of commands) spec.given([]).when(command).thenThrows({ code: 'not_found' });
  });

  it('given an application, when configured with other settings, then they are recorded; the same settings record nothing', () => {
    const settings = { baseUrl: 'https://crm.example.com/scim/v2', pageSize: 50 };
    spec
      .given([registered])
      .when({ type: 'ConfigureApplication', data: { applicationId: 'crm', settings, now } })
      .then([{ type: 'ApplicationConfigured', data: { applicationId: 'crm', settings, configuredAt: at } }]);
    spec
      .given([registered])
      .when({ type: 'ConfigureApplication', data: { applicationId: 'crm', settings: { baseUrl: 'https://crm.example.com/scim/v2' }, now } })
      .then([]);
  });

  it('given an application, when its credentials are set, then the new names and sealed map replace the old ones', () => {
    spec
      .given([registered])
      .when({ type: 'SetCredentials', data: { applicationId: 'crm', credentials: { names: ['token', 'api-key'], sealed }, now } })
      .then([
        {
          type: 'ApplicationCredentialsSet',
          data: { applicationId: 'crm', credentialNames: ['api-key', 'token'], sealedCredentials: sealed, setAt: at },
        },
      ]);
  });

  it('given an active application, when paused with a reason, then it is paused; without a reason it is refused', () => {
    spec.given([registered]).when(pause).then([paused]);
    spec
      .given([registered])
      .when({ type: 'PauseApplication', data: { applicationId: 'crm', reason: '', now } })
      .thenThrows({ code: 'validation', details: { field: 'reason' } });
  });

  it('given a paused application, when paused again, then nothing is recorded (the first reason stands); when resumed, then it is resumed', () => {
    spec.given([registered, paused]).when(pause).then([]);
    spec
      .given([registered, paused])
      .when(resume)
      .then([{ type: 'ApplicationResumed', data: { applicationId: 'crm', reason: 'maintenance over', resumedAt: at } }]);
  });

  it('given an active application, when resumed, then nothing is recorded', () => {
    spec.given([registered]).when(resume).then([]);
  });

  it('given an application, when its owner changes, then the previous owner is kept in the event; the same owner records nothing', () => {
    spec
      .given([registered])
      .when({ type: 'ChangeOwner', data: { applicationId: 'crm', ownerEmployeeNumber: '10039', now } })
      .then([
        {
          type: 'ApplicationOwnerChanged',
          data: { applicationId: 'crm', ownerEmployeeNumber: '10039', previousOwnerEmployeeNumber: '10005', changedAt: at },
        },
      ]);
    spec
      .given([registered])
      .when({ type: 'ChangeOwner', data: { applicationId: 'crm', ownerEmployeeNumber: '10005', now } })
      .then([]);
  });

  it('given an application, when its reconciliation is configured, then the remediation and schedule are recorded; the same setting records nothing', () => {
    const configure = (remediation: 'revoke' | 'adopt' | 'flag', scheduleMinutes: number | null) =>
      ({ type: 'ConfigureReconciliation', data: { applicationId: 'crm', remediation, scheduleMinutes, now } }) as const;
    spec
      .given([registered])
      .when(configure('revoke', 60))
      .then([
        {
          type: 'ApplicationReconciliationConfigured',
          data: { applicationId: 'crm', remediation: 'revoke', scheduleMinutes: 60, configuredAt: at },
        },
      ]);
    // Registered applications start with flag, daily.
    spec.given([registered]).when(configure('flag', 1440)).then([]);
    spec
      .given([registered])
      .when(configure('adopt', null))
      .then([
        {
          type: 'ApplicationReconciliationConfigured',
          data: { applicationId: 'crm', remediation: 'adopt', scheduleMinutes: null, configuredAt: at },
        },
      ]);
  });

  it('given an application, when the reconciliation schedule or remediation is not valid, then it is refused naming the field', () => {
    for (const scheduleMinutes of [0, 4, 1.5, 43_201]) {
      spec
        .given([registered])
        .when({ type: 'ConfigureReconciliation', data: { applicationId: 'crm', remediation: 'flag', scheduleMinutes, now } })
        .thenThrows({ code: 'validation', details: { field: 'scheduleMinutes' } });
    }
    spec
      .given([registered])
      .when({ type: 'ConfigureReconciliation', data: { applicationId: 'crm', remediation: 'delete' as 'flag', scheduleMinutes: 60, now } })
      .thenThrows({ code: 'validation', details: { field: 'remediation' } });
    spec
      .given([])
      .when({ type: 'ConfigureReconciliation', data: { applicationId: 'crm', remediation: 'flag', scheduleMinutes: 60, now } })
      .thenThrows({ code: 'not_found' });
  });
  it('given a registered application, when a license cost is set, then it is recorded; the same cost again records nothing', () => {
    const setCost = {
      type: 'SetLicenseCost',
      data: { applicationId: 'crm', licenseCost: { amountPerMonth: 42.5, currency: 'EUR' }, now },
    } as const;
    const costSet: ApplicationEvent = {
      type: 'ApplicationLicenseCostSet',
      data: { applicationId: 'crm', licenseCost: { amountPerMonth: 42.5, currency: 'EUR' }, setAt: at },
    };
    spec.given([registered]).when(setCost).then([costSet]);
    spec.given([registered, costSet]).when(setCost).then([]);
    spec
      .given([registered, costSet])
      .when({ type: 'SetLicenseCost', data: { applicationId: 'crm', licenseCost: null, now } })
      .then([{ type: 'ApplicationLicenseCostSet', data: { applicationId: 'crm', licenseCost: null, setAt: at } }]);
  });

  it('given a registered application, when a license cost is negative or its currency is not an ISO code, then it is refused', () => {
    for (const licenseCost of [
      { amountPerMonth: -1, currency: 'EUR' },
      { amountPerMonth: 10, currency: 'euro' },
    ]) {
      spec
        .given([registered])
        .when({ type: 'SetLicenseCost', data: { applicationId: 'crm', licenseCost, now } })
        .thenThrows({ code: 'validation', details: { field: 'licenseCost' } });
    }
  });
});
