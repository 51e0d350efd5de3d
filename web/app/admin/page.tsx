import { redirect } from 'next/navigation';

/** The administration area starts with the directory. */
export default function AdministrationIndex() {
  redirect('/admin/identities');
}
