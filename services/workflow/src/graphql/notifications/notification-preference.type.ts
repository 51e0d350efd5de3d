import { Field, ObjectType } from 'type-graphql';
import { NotificationChannel, NotificationKind } from './notification-enums';

@ObjectType({ description: 'Whether a person receives one kind of notification on one channel.' })
export class NotificationPreference {
  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field(() => NotificationChannel)
  channel!: NotificationChannel;

  @Field({ description: 'The person’s choice: on unless they turned it off.' })
  enabled!: boolean;

  @Field({ description: 'Whether Tenure is set up to send on this channel at all; nothing is sent on a channel that is not.' })
  channelConfigured!: boolean;
}
