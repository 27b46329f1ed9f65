import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A district or county that may apply for and host parks (reference data, seeded by migration). */
@Entity({ name: 'districts' })
export class DistrictRecord {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn!: string;
}
