export * from './workflow-notification-preferences.projection';
