import { Pipe, type PipeTransform } from '@angular/core';
import { formatDate, formatDateTime, formatNumber, formatPeriod, formatValue } from './dutch-format';

/** `{{ 0.51 | koersValue: 'per 1.000 inwoners' : 2 }}` → `0,51 per 1.000 inwoners`. */
@Pipe({ name: 'koersValue' })
export class ValuePipe implements PipeTransform {
  transform(value: number | null | undefined, unit: string, decimals: number | null = null): string {
    return formatValue(value, unit, decimals);
  }
}

/** `{{ 1234.5 | koersNumber }}` → `1.234,5`. */
@Pipe({ name: 'koersNumber' })
export class NumberPipe implements PipeTransform {
  transform(value: number, decimals: number | null = null): string {
    return formatNumber(value, decimals);
  }
}

/** `{{ '2025-Q3' | koersPeriod }}` → `3e kwartaal 2025`. */
@Pipe({ name: 'koersPeriod' })
export class PeriodPipe implements PipeTransform {
  transform(period: string): string {
    return formatPeriod(period);
  }
}

/** `{{ '2025-12-31' | koersDate }}` → `31 december 2025`. */
@Pipe({ name: 'koersDate' })
export class DatePipe implements PipeTransform {
  transform(isoDate: string): string {
    return formatDate(isoDate);
  }
}

/** `{{ computedAt | koersDateTime }}` → `30 november 2026 om 09:00`. */
@Pipe({ name: 'koersDateTime' })
export class DateTimePipe implements PipeTransform {
  transform(isoMoment: string): string {
    return formatDateTime(isoMoment);
  }
}
