/**
 * The console's texts of the park's profile (R-APP-9: 区域性、专业性; how private capital takes part) and of the
 * departments' opinions (R-REV-3: 会同相关部门), in the policy's own terms.
 */
export const consolePark = {
  profile: {
    heading: '园区类型与民间资本参与',
    lead: '园区类型和民间资本参与方式（R-APP-9）仅作登记，不作为退回补正的理由。',
    kind: '园区类型',
    specialism: '专业领域',
    specialismHelp: '专业性园区须写明所服务的行业或服务领域',
    capital: '民间资本参与方式',
    capitalForms: {
      sole: '独资',
      joint_venture: '合资',
      equity_stake: '参股',
      alliance: '联营',
      other: '其他',
      none: '无',
    },
    operator: '运营主体',
    description: '具体方式',
    notStated: '未填报',
    kindWithSpecialism: '{{kind}}（{{specialism}}）',
    formDescribed: '{{form}}（{{description}}）',
    capitalWithOperator: '{{form}}，运营主体：{{operator}}',
  },
  opinions: {
    heading: '相关部门意见',
    empty: '尚未登记相关部门意见',
    department: '部门',
    departmentHelp: '例如：市财政局、市发展改革委',
    position: '意见类型',
    positions: { support: '支持', conditional: '有条件支持', object: '反对' },
    opinion: '意见内容',
    date: '出具日期',
    recordedAt: '登记日期',
    objection: '{{departments}}持反对意见：认定理由须对此作出回应，写明该部门名称（R-REV-3）。',
    submit: '登记部门意见',
  },
};
