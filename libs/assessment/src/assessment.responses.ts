import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { DECISION_OUTCOMES, type DecisionOutcome } from './assessment.entities';
import type { DecisionService, DecisionView, RegisterEntryView } from './decision.service';
import type { BookingView, InterviewService, SlotView } from './interview.service';

// Answers of the interview, decision and register routes, for OpenAPI only (the services return
// the plain views).

@ApiSchema({ name: 'AmsterdamLocalTime' })
export class AmsterdamLocalTimeSchema {
  @ApiProperty({ format: 'date', example: '2026-12-03' })
  date!: string;

  @ApiProperty({ example: '14:00' })
  time!: string;

  @ApiProperty({ enum: ['Europe/Amsterdam'] })
  timeZone!: 'Europe/Amsterdam';
}

@ApiSchema({ name: 'InterviewSlot', description: 'A time slot for the certification interview' })
export class InterviewSlotSchema implements SlotView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time', description: 'UTC' })
  startsAt!: string;

  @ApiProperty({ format: 'date-time', description: 'UTC' })
  endsAt!: string;

  @ApiProperty({ example: '2026-12-03T14:00:00+01:00', description: 'The same moment in Europe/Amsterdam' })
  startsAtLocal!: string;

  @ApiProperty({ type: () => AmsterdamLocalTimeSchema })
  local!: AmsterdamLocalTimeSchema;

  @ApiProperty({ type: 'integer', example: 90 })
  durationMinutes!: number;

  @ApiProperty({ enum: ['online', 'address'] })
  locationKind!: 'online' | 'address';

  @ApiProperty({ description: 'The https link or the address' })
  location!: string;
}

@ApiSchema({ name: 'InterviewBooking', description: 'A booking of a slot (a reschedule cancels the old one and books anew)' })
export class InterviewBookingSchema implements BookingView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: () => InterviewSlotSchema })
  slot!: InterviewSlotSchema;

  @ApiProperty({ enum: ['booked', 'cancelled'] })
  status!: 'booked' | 'cancelled';

  @ApiProperty({ type: 'integer', description: 'SEQUENCE of the calendar invitation' })
  sequence!: number;

  @ApiProperty({ format: 'date-time' })
  bookedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  cancelledAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  cancelReason!: string | null;
}

@ApiSchema({ name: 'CandidateInterview', description: 'Slots the candidate can book (future, both assessors free) and the current booking' })
export class CandidateInterviewSchema implements Awaited<ReturnType<InterviewService['forCandidate']>> {
  @ApiProperty({ type: () => [InterviewSlotSchema], description: 'Empty unless the dossier is judged or the interview is planned' })
  slots!: SlotView[];

  @ApiProperty({ type: () => InterviewBookingSchema, nullable: true })
  booking!: BookingView | null;
}

@ApiSchema({ name: 'RegisterEntry', description: "The candidate's entry in the register" })
export class RegisterEntrySchema implements RegisterEntryView {
  @ApiProperty({ example: 'RLP-2026-00001' })
  certificateNumber!: string;

  @ApiProperty()
  holderName!: string;

  @ApiProperty({ format: 'date' })
  startsOn!: string;

  @ApiProperty({ format: 'date', description: 'Recertification is due every four years' })
  validUntil!: string;
}

@ApiSchema({ name: 'Decision', description: 'The certification decision' })
export class DecisionSchema implements DecisionView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  portfolioId!: string;

  @ApiProperty({ enum: DECISION_OUTCOMES })
  outcome!: DecisionOutcome;

  @ApiProperty({ type: String, nullable: true })
  motivation!: string | null;

  @ApiProperty({ format: 'date-time' })
  decidedAt!: string;

  @ApiProperty({ format: 'uuid', description: 'Account id of the admin who decided' })
  decidedBy!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'returned_for_supplement: the new draft to supplement' })
  nextPortfolioId!: string | null;

  @ApiProperty({ type: () => RegisterEntrySchema, nullable: true, description: 'When certified' })
  register!: RegisterEntryView | null;
}

@ApiSchema({ name: 'RegisterListing', description: 'One certified professional in the public register' })
export class RegisterListingSchema {
  @ApiProperty()
  name!: string;

  @ApiProperty({ example: 'RLP-2026-00001' })
  certificateNumber!: string;

  @ApiProperty({ format: 'date' })
  validUntil!: string;
}

@ApiSchema({ name: 'RegisterLookup', description: 'Certificates valid today, by name then number' })
export class RegisterLookupSchema implements Awaited<ReturnType<DecisionService['register']>> {
  @ApiProperty({ type: () => [RegisterListingSchema] })
  entries!: RegisterListingSchema[];

  @ApiProperty({ description: 'More entries match than are shown: search with more of the name (there is no paging)' })
  more!: boolean;
}
