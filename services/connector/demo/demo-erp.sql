-- The demo ERP: a small PostgreSQL database whose group roles are the entitlements of the demo
-- application "erp" (services/connector/demo/demo-applications.json). Run by
-- `connector:load --demo` as the cluster's superuser, connected to tenure_demo_erp, after it has
-- created the connector's login role tenure_demo_erp_connector. Every statement may run again.

CREATE SCHEMA IF NOT EXISTS erp;

CREATE TABLE IF NOT EXISTS erp.vendors (
  id integer PRIMARY KEY,
  name text NOT NULL,
  iban text NOT NULL,
  created_by name NOT NULL DEFAULT current_user,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS erp.payments (
  id integer PRIMARY KEY,
  vendor_id integer NOT NULL REFERENCES erp.vendors (id),
  amount numeric(12, 2) NOT NULL CHECK (amount > 0),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  approved_by name,
  approved_at timestamptz
);

INSERT INTO erp.vendors (id, name, iban) VALUES
  (1, 'Northwind Office Supplies', 'FR7630006000011234567890189'),
  (2, 'Contoso Cloud Hosting', 'DE89370400440532013000')
ON CONFLICT (id) DO NOTHING;

INSERT INTO erp.payments (id, vendor_id, amount) VALUES
  (1, 1, 1240.50),
  (2, 2, 8900.00)
ON CONFLICT (id) DO NOTHING;

-- The entitlements: group roles named exactly as the demo policy names the entitlements (roles are
-- cluster-wide, and the PostgreSQL connector's entitlement key is the role name).
DO $$
DECLARE
  entitlement text;
BEGIN
  FOREACH entitlement IN ARRAY ARRAY['read-only', 'vendor-create', 'payment-approve'] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = entitlement) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', entitlement);
    END IF;
    -- The connector manages the memberships of these roles, nothing else: ADMIN OPTION without using them itself.
    EXECUTE format('GRANT %I TO tenure_demo_erp_connector WITH ADMIN OPTION, INHERIT FALSE, SET FALSE', entitlement);
  END LOOP;
END
$$;

COMMENT ON ROLE "read-only" IS 'Demo ERP: reads vendors and payments';
COMMENT ON ROLE "vendor-create" IS 'Demo ERP: creates and edits vendors';
COMMENT ON ROLE "payment-approve" IS 'Demo ERP: approves or rejects outgoing payments';

GRANT USAGE ON SCHEMA erp TO "read-only", "vendor-create", "payment-approve";
GRANT SELECT ON erp.vendors, erp.payments TO "read-only";
GRANT SELECT, INSERT, UPDATE (name, iban) ON erp.vendors TO "vendor-create";
GRANT SELECT ON erp.vendors TO "payment-approve";
GRANT SELECT, UPDATE (status, approved_by, approved_at) ON erp.payments TO "payment-approve";
