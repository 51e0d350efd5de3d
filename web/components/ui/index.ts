// The portal's shared building blocks; pages import them from '@/components/ui'.
export { Countdown, type CountdownProps } from './Countdown';
export { DataTable, Pager, type CursorPaging, type DataTableColumn, type DataTableProps, type PagePaging } from './DataTable';
export { EmptyState, type EmptyStateProps } from './EmptyState';
export { ErrorNotice, type ErrorNoticeProps } from './ErrorNotice';
export { Field, type FieldProps } from './Field';
export { PageHeader, type PageHeaderProps } from './PageHeader';
export { PageSkeleton, type PageSkeletonProps } from './Skeleton';
export { StatusBadge, type StatusBadgeProps, type StatusTone } from './StatusBadge';
export { SubmitButton, type SubmitButtonProps } from './SubmitButton';
