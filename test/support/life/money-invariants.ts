/**
 * The money invariants of a random life (R-PAY-1, §5.2, R-RPT-5, R-REF-1): what is instructed, when, how much,
 * and what a refund demand may ask for. Instructions are followed across the whole life (a payment instructed
 * twice, or more money in all than the subsidy and one grant, shows only across events).
 */
import { isDeepStrictEqual } from 'node:util';
import type { CaseSnapshot, Payment } from '../../../workflows/definitions/case';
import { endOfCqDay } from './calendar';
import { firstReportingYear } from './deadline-invariants';
import type { Fail } from './invariants';
import type { LifeEvent } from './model';
import { subsidyTotal } from './steps';

/** R-SUB-3: the one-time incubation-base grant, CNY. */
const GRANT = 600_000;
/** The payments instructed and not yet confirmed: money in flight. */
const inFlight = (state: CaseSnapshot) => state.payments.filter((p) => p.status === 'instructed');

/** Follows the payments and the refund demand of a life and checks them after each event. */
export class MoneyInvariants {
  /** The payments as the previous event left them: none may disappear or change its amount, kind or instruction. */
  private prevPayments: Payment[] = [];
  /** Every payment instructed in the life so far, and their sum: R-PAY-1 bounds the whole life, not one event. */
  private readonly instructedIds = new Set<string>();
  private instructedSum = 0;

  constructor(private readonly fail: Fail) {}

  /** R-PAY-1 / §5.2 at the moment of an instruction; R-RPT-5 for tranche 2. */
  checkInstructions(event: Extract<LifeEvent, { type: 'applied' | 'fired' }>, state: CaseSnapshot): void {
    const newOnes = state.payments.filter((p) => !this.prevPayments.some((q) => q.paymentId === p.paymentId));
    const instructed = event.outcome.instruct;
    if (!isDeepStrictEqual(newOnes.map((p) => p.paymentId).sort(), instructed.map((p) => p.paymentId).sort())) {
      this.fail(
        'payments',
        `new payments ${JSON.stringify(newOnes.map((p) => p.paymentId))} differ ` +
          `from those instructed ${JSON.stringify(instructed.map((p) => p.paymentId))}`,
      );
    }
    for (const payment of instructed) {
      if (this.instructedIds.has(payment.paymentId))
        this.fail('payments', `payment ${payment.paymentId} is instructed a second time`);
      this.instructedIds.add(payment.paymentId);
      this.instructedSum += payment.amount;
      if (payment.instructedAt !== event.at)
        this.fail(
          'payments',
          `payment ${payment.paymentId} instructed at ${event.at} says instructedAt ${payment.instructedAt}`,
        );
      if (payment.kind !== 'subsidy_tranche_2') continue;
      const designation = state.designation;
      if (!designation) {
        this.fail('tranche2', 'tranche 2 instructed without a designation');
        continue;
      }
      const first = firstReportingYear(designation.designatedAt);
      const from = endOfCqDay(`${first}-12-31`); // 1 January first+1, 00:00 Chongqing
      if (event.at < from)
        this.fail(
          'tranche2',
          `tranche 2 instructed at ${event.at}, before 1 January ${first + 1} ` +
            `(${from}) after the first reporting year ${first}`,
        );
      if (!state.reports.some((r) => r.year === first))
        this.fail(
          'tranche2',
          `tranche 2 instructed at ${event.at} before the report for the first reporting year ${first} is in`,
        );
      if (event.before === 'revoked' || state.stage === 'revoked' || state.stage === 'closed')
        this.fail('tranche2', `tranche 2 instructed on a ${state.stage} case`);
    }
    const subsidy = state.designation?.subsidyAmount ?? 0;
    if (this.instructedSum > subsidy + GRANT)
      this.fail(
        'payments',
        `${this.instructedSum} CNY instructed in all, more than the subsidy ${subsidy} + one grant ${GRANT}`,
      );
  }

  /**
   * §5.2: ids and kinds are unique, an instructed payment never changes (nor goes back from paid), tranches are
   * ⌊S/2⌋ and S − ⌊S/2⌋.
   */
  checkPayments(state: CaseSnapshot): void {
    const ids = state.payments.map((p) => p.paymentId);
    const kinds = state.payments.map((p) => p.kind);
    if (new Set(ids).size !== ids.length) this.fail('payments', `a payment id appears twice: ${ids.join(', ')}`);
    if (new Set(kinds).size !== kinds.length)
      this.fail('payments', `a payment kind appears twice: ${kinds.join(', ')}`);
    for (const previous of this.prevPayments) {
      const now = state.payments.find((p) => p.paymentId === previous.paymentId);
      if (!now) this.fail('payments', `payment ${previous.paymentId} disappeared`);
      else if (
        now.amount !== previous.amount ||
        now.kind !== previous.kind ||
        now.instructedAt !== previous.instructedAt
      )
        this.fail('payments', `payment ${previous.paymentId} changed its amount, kind or instruction`);
      else if (previous.status === 'paid' && now.status !== 'paid')
        this.fail('payments', `payment ${previous.paymentId} went back from paid to ${now.status}`);
    }
    if (state.payments.length === 0) return;
    const subsidy = state.designation?.subsidyAmount;
    if (subsidy === undefined) return this.fail('payments', 'payments without a designation');
    const tranche1 = Math.floor(subsidy / 2);
    for (const payment of state.payments) {
      const expected =
        payment.kind === 'subsidy_tranche_1'
          ? tranche1
          : payment.kind === 'subsidy_tranche_2'
            ? subsidy - tranche1
            : GRANT;
      if (payment.amount !== expected)
        this.fail('payments', `${payment.kind} of a ${subsidy} CNY subsidy is ${payment.amount}, not ${expected}`);
    }
    const total = state.payments.reduce((sum, p) => sum + p.amount, 0);
    if (total > subsidy + GRANT) this.fail('payments', `payments total ${total} > subsidy ${subsidy} + grant ${GRANT}`);
  }

  /** R-PAY-1 / R-REF-1. */
  checkRefund(state: CaseSnapshot): void {
    const demand = state.refundDemand;
    if (demand) {
      const ceiling = subsidyTotal(state);
      if (demand.amount > ceiling)
        this.fail(
          'refund',
          `refund demand ${demand.amount} exceeds the ${ceiling} CNY of subsidy tranches paid or in flight`,
        );
      if (!Number.isInteger(demand.amount) || demand.amount <= 0)
        this.fail('refund', `refund demand of ${demand.amount}`);
      const paid = demand.payments.reduce((sum, p) => sum + p.amount, 0);
      if (paid !== demand.paidAmount || demand.paidAmount > demand.amount)
        this.fail('refund', `refund paid ${demand.paidAmount} (payments sum ${paid}) of a ${demand.amount} demand`);
      if (demand.status === 'settled' && demand.paidAmount !== demand.amount)
        this.fail('refund', `settled demand with ${demand.paidAmount} of ${demand.amount} paid`);
    }
    const demandDone = !demand || demand.status === 'settled' || demand.status === 'written_off';
    if (state.stage === 'closed') {
      if (inFlight(state).length > 0)
        this.fail(
          'refund',
          `closed with money in flight: ${inFlight(state)
            .map((p) => p.paymentId)
            .join(', ')}`,
        );
      if (!demandDone) this.fail('refund', `closed with the refund demand ${demand?.status}`);
    }
    if (state.stage === 'revoked' && demandDone && inFlight(state).length === 0)
      this.fail('refund', 'a revoked case with nothing in flight and no open demand did not close');
  }

  /** Remembers the payments as they stand, to compare the next event's with. */
  remember(state: CaseSnapshot): void {
    this.prevPayments = state.payments.map((p) => ({ ...p }));
  }
}
