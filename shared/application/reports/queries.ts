import * as z from 'zod';
import { bodyName, calendarDate } from '../../domain/items/vocabulary';

/** `GET /reports/balanslista?asOf=YYYY-MM-DD`: the state of the motions on that day (default today). */
export const balanslistaQuery = z.lazy(() => z.strictObject({ asOf: calendarDate.optional() }));

/** `GET /reports/verkstallighet?body=KF&asOf=…`: every open item that body decided. */
export const verkstallighetQuery = z.lazy(() => z.strictObject({ body: bodyName, asOf: calendarDate.optional() }));

/** Motions within this many days of their statutory limit are marked, as are those past it. */
export const MOTION_WARNING_DAYS = 60;
